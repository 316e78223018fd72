package dev.keyward.vault;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.rotation.ConcurrentRotationException;
import dev.keyward.rotation.VersionedSecretStore;
import dev.keyward.testing.TestClock;
import dev.keyward.testing.store.VersionedSecretStoreContract;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The store contract on {@link VaultSecretStore} against {@link FakeVaultServer}: each handle is a
 * store object with its own client; leases expire by the shared test clock.
 */
class VaultSecretStoreContractTest extends VersionedSecretStoreContract {
  final TestClock clock = TestClock.create();
  final FakeVaultServer vault = FakeVaultServer.start(clock);

  @AfterEach
  void stop() {
    vault.close();
  }

  @Override
  protected VersionedSecretStore newHandle() {
    return VaultSecretStore.builder(URI.create(vault.url()), VaultAuth.token(vault.rootToken()))
        .pathPrefix("billing/")
        .clock(clock)
        .build();
  }

  @Override
  protected void holdThenExpire(String name, String holder, Duration ttl) {
    newHandle().tryLock(name, holder, ttl);
    assertThatThrownBy(() -> newHandle().tryLock(name, "other", ttl))
        .isInstanceOf(ConcurrentRotationException.class)
        .hasMessageContaining(holder);
    clock.advance(ttl.plusSeconds(1));
  }
}
