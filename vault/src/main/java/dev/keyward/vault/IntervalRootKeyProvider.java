package dev.keyward.vault;

import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The CURRENT value of a name, read from Vault again once an interval has passed by the store's
 * clock; see {@link VaultSecretStore#rootKeyProvider(String, Duration)}.
 */
final class IntervalRootKeyProvider implements RootKeyProvider {
  private final VaultSecretStore store;
  private final String name;
  private final Duration interval;
  private @Nullable Secret value;
  private @Nullable Instant readAgainAt;

  IntervalRootKeyProvider(VaultSecretStore store, String name, Duration interval) {
    this.store = store;
    this.name = name;
    this.interval = interval;
  }

  @Override
  public synchronized Secret current() {
    Instant now = store.clock.instant();
    Secret held = value;
    if (held != null && readAgainAt != null && now.isBefore(readAgainAt)) {
      return held;
    }
    try {
      Secret read =
          store
              .read(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Vault holds no value for "
                              + name
                              + " ("
                              + store.kv.where(store.path(name))
                              + ")"));
      value = read;
      readAgainAt = now.plus(interval);
      return read;
    } catch (UncheckedIOException e) {
      if (held == null) {
        throw e;
      }
      readAgainAt = now.plus(interval); // Vault out of reach: keep the key, try again later
      return held;
    }
  }

  @Override
  public String toString() {
    return "VaultRootKeyProvider{name=" + name + ", interval=" + interval + "}";
  }
}
