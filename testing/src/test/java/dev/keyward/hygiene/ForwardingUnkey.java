package dev.keyward.hygiene;

import dev.keyward.Analytics;
import dev.keyward.Apis;
import dev.keyward.Identities;
import dev.keyward.Keys;
import dev.keyward.Permissions;
import dev.keyward.Ratelimits;
import dev.keyward.RootKeys;
import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.Liveness;

/** An {@link Unkey} that forwards to another, with its {@code apis()} group swapped. */
final class ForwardingUnkey implements Unkey {
  private final Unkey delegate;
  private Apis apis;

  ForwardingUnkey(Unkey delegate) {
    this.delegate = delegate;
    this.apis = delegate.apis();
  }

  ForwardingUnkey apis(Apis apis) {
    this.apis = apis;
    return this;
  }

  @Override
  public Keys keys() {
    return delegate.keys();
  }

  @Override
  public Apis apis() {
    return apis;
  }

  @Override
  public Permissions permissions() {
    return delegate.permissions();
  }

  @Override
  public Identities identities() {
    return delegate.identities();
  }

  @Override
  public Ratelimits ratelimits() {
    return delegate.ratelimits();
  }

  @Override
  public Analytics analytics() {
    return delegate.analytics();
  }

  @Override
  public RootKeys rootKeys() {
    return delegate.rootKeys();
  }

  @Override
  public Liveness liveness() {
    return delegate.liveness();
  }

  @Override
  public Unkey withRootKey(Secret rootKey) {
    throw new UnsupportedOperationException("not needed by these tests");
  }
}
