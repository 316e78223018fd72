package dev.keyward.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.rotation.ConcurrentRotationException;
import dev.keyward.rotation.VersionedSecretStore;
import dev.keyward.testing.store.VersionedSecretStoreContract;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The store contract on {@link SecretsManagerStore} against {@link FakeSecretsManager}: each handle
 * is a new store (and a new SDK client) on the same fake; leases expire by a clock all handles
 * share.
 */
class SecretsManagerStoreContractTest extends VersionedSecretStoreContract {
  FakeSecretsManager fake;
  SecretsManagerClient client;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));

  @BeforeEach
  void startFake() throws IOException {
    fake = FakeSecretsManager.start();
    client = fake.client();
  }

  @AfterEach
  void stopFake() {
    client.close();
    fake.close();
    assertThat(fake.missingAuthorization()).as("every call was signed").isEmpty();
  }

  @Override
  protected VersionedSecretStore newHandle() {
    return SecretsManagerStore.builder(client).prefix("prod/billing/").clock(clock).build();
  }

  @Override
  protected void holdThenExpire(String name, String holder, Duration ttl) {
    newHandle().tryLock(name, holder, ttl); // never released: its holder "died"
    assertThatThrownBy(() -> newHandle().tryLock(name, "other", ttl))
        .isInstanceOf(ConcurrentRotationException.class);
    clock.advance(ttl.plusSeconds(1));
  }
}
