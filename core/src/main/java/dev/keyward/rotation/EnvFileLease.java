package dev.keyward.rotation;

import java.time.Instant;

/**
 * The lease of {@link VersionedEnvFileStore}: the {@code .env} store's lock file, held until closed
 * or its process dies.
 */
final class EnvFileLease implements VersionedSecretStore.Lease {
  private final String name;
  private final String holder;
  private final LockFile lock;

  EnvFileLease(String name, String holder, LockFile lock) {
    this.name = name;
    this.holder = holder;
    this.lock = lock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String holder() {
    return holder;
  }

  @Override
  public Instant expiresAt() {
    return Instant.MAX;
  }

  @Override
  public void renew() {
    if (!lock.held()) {
      throw new ConcurrentRotationException(
          "-", name, null, "the lease of " + holder + " on " + name + " was released");
    }
  }

  @Override
  public void close() {
    lock.release();
  }

  @Override
  public String toString() {
    return "Lease{name=" + name + ", holder=" + holder + "}";
  }
}
