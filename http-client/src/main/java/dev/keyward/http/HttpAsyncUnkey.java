package dev.keyward.http;

import dev.keyward.AsyncAnalytics;
import dev.keyward.AsyncApis;
import dev.keyward.AsyncIdentities;
import dev.keyward.AsyncKeys;
import dev.keyward.AsyncPermissions;
import dev.keyward.AsyncRatelimits;
import dev.keyward.AsyncRootKeys;
import dev.keyward.AsyncUnkey;
import dev.keyward.http.internal.LivenessCodec;
import dev.keyward.key.Secret;
import dev.keyward.model.Liveness;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsyncUnkey} on OkHttp's {@code enqueue}; futures fail with the same exceptions as the
 * blocking client.
 */
final class HttpAsyncUnkey implements AsyncUnkey {
  private final Caller caller;
  private final AsyncKeys keys;
  private final AsyncApis apis;
  private final AsyncPermissions permissions;
  private final AsyncIdentities identities;
  private final AsyncRatelimits ratelimits;
  private final AsyncAnalytics analytics;
  private final AsyncRootKeys rootKeys;

  @Override
  public AsyncUnkey withRootKey(Secret rootKey) {
    Objects.requireNonNull(rootKey, "rootKey == null");
    return new HttpAsyncUnkey(
        caller.withOptions(RequestOptions.builder().rootKey(rootKey).build()));
  }

  HttpAsyncUnkey(Caller caller) {
    this.caller = caller;
    this.keys = new HttpAsyncKeys(caller);
    this.apis = new HttpAsyncApis(caller);
    this.permissions = new HttpAsyncPermissions(caller);
    this.identities = new HttpAsyncIdentities(caller);
    this.ratelimits = new HttpAsyncRatelimits(caller);
    this.analytics = new HttpAsyncAnalytics(caller);
    this.rootKeys = new HttpAsyncRootKeys(caller);
  }

  @Override
  public AsyncKeys keys() {
    return keys;
  }

  @Override
  public AsyncApis apis() {
    return apis;
  }

  @Override
  public AsyncPermissions permissions() {
    return permissions;
  }

  @Override
  public AsyncIdentities identities() {
    return identities;
  }

  @Override
  public AsyncRatelimits ratelimits() {
    return ratelimits;
  }

  @Override
  public AsyncAnalytics analytics() {
    return analytics;
  }

  @Override
  public AsyncRootKeys rootKeys() {
    return rootKeys;
  }

  @Override
  public CompletableFuture<Liveness> liveness() {
    return caller.callAsync(LivenessCodec.LIVENESS, null, null);
  }
}
