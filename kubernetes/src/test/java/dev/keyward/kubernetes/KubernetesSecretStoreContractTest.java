package dev.keyward.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.rotation.ConcurrentRotationException;
import dev.keyward.rotation.VersionedSecretStore;
import dev.keyward.testing.TestClock;
import dev.keyward.testing.store.VersionedSecretStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract on {@link KubernetesSecretStore} against fabric8's mock server in CRUD mode:
 * each handle is a store on its own client; leases expire by a shared test clock.
 */
class KubernetesSecretStoreContractTest extends VersionedSecretStoreContract {
  MockCluster cluster;
  final TestClock clock = TestClock.create();

  @BeforeEach
  void start() {
    cluster = MockCluster.start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Override
  protected VersionedSecretStore newHandle() {
    return cluster.store().withClock(clock);
  }

  @Override
  protected void holdThenExpire(String name, String holder, Duration ttl) {
    VersionedSecretStore.Lease lease = newHandle().tryLock(name, holder, ttl);
    assertThatThrownBy(() -> newHandle().tryLock(name, "other", ttl))
        .isInstanceOf(ConcurrentRotationException.class)
        .hasMessageContaining(holder);
    clock.advance(ttl.plusSeconds(1));
    assertThat(lease.expiresAt()).isBefore(clock.instant());
  }
}
