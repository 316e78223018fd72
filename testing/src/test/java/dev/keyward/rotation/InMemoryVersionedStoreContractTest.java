package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.testing.TestClock;
import dev.keyward.testing.store.VersionedSecretStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store contract on {@link VersionedSecretStore#inMemory}: leases expire by its clock. */
class InMemoryVersionedStoreContractTest extends VersionedSecretStoreContract {
  final TestClock clock = TestClock.create();
  final InMemoryVersionedStore store =
      (InMemoryVersionedStore) VersionedSecretStore.inMemory(clock);

  @Override
  protected VersionedSecretStore newHandle() {
    return store.handle();
  }

  @Override
  protected void holdThenExpire(String name, String holder, Duration ttl) {
    newHandle().tryLock(name, holder, ttl);
    assertThatThrownBy(() -> newHandle().tryLock(name, "other", ttl))
        .isInstanceOf(ConcurrentRotationException.class);
    clock.advance(ttl.plusSeconds(1));
  }

  @Test
  void aRenewedLeaseOutlivesItsFirstTtlAndATakenOneCannotBeRenewed() {
    VersionedSecretStore.Lease lease = newHandle().tryLock(name(), "a", Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(8));
    lease.renew();
    clock.advance(Duration.ofSeconds(8));
    assertThatThrownBy(() -> newHandle().tryLock(name(), "b", Duration.ofSeconds(10)))
        .isInstanceOf(ConcurrentRotationException.class);
    clock.advance(Duration.ofSeconds(3));
    VersionedSecretStore.Lease taken = newHandle().tryLock(name(), "b", Duration.ofSeconds(10));
    assertThatThrownBy(lease::renew)
        .isInstanceOf(ConcurrentRotationException.class)
        .hasMessageContaining("b took it");
    lease.close(); // does not release the new holder's lease
    assertThat(taken.expiresAt()).isAfter(clock.instant());
    assertThatThrownBy(() -> newHandle().tryLock(name(), "c", Duration.ofSeconds(10)))
        .isInstanceOf(ConcurrentRotationException.class);
  }
}
