package dev.keyward.http;

import dev.keyward.Ack;
import dev.keyward.AsyncIdentities;
import dev.keyward.CreateIdentityRequest;
import dev.keyward.CreatedIdentity;
import dev.keyward.DeleteIdentityRequest;
import dev.keyward.GetIdentityRequest;
import dev.keyward.Identity;
import dev.keyward.ListIdentitiesRequest;
import dev.keyward.Page;
import dev.keyward.UpdateIdentityRequest;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.permission.Operation;
import java.util.concurrent.CompletableFuture;

/** {@code identities.*} over HTTP, asynchronously with OkHttp {@code enqueue}. */
final class HttpAsyncIdentities implements AsyncIdentities {
  private final Caller caller;

  HttpAsyncIdentities(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CompletableFuture<CreatedIdentity> create(CreateIdentityRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_CREATE_IDENTITY), request, null);
  }

  @Override
  public CompletableFuture<Identity> get(GetIdentityRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_GET_IDENTITY), request, null);
  }

  @Override
  public CompletableFuture<Page<Identity>> list(ListIdentitiesRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_LIST_IDENTITIES), request, null);
  }

  @Override
  public CompletableFuture<Identity> update(UpdateIdentityRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_UPDATE_IDENTITY), request, null);
  }

  @Override
  public CompletableFuture<Ack> delete(DeleteIdentityRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_DELETE_IDENTITY), request, null);
  }
}
