package dev.keyward.waiters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Waiters} against {@link InMemoryUnkey}, whose changes are visible at once. */
class WaitersOnInMemoryUnkeyTest {
  final TestClock clock = TestClock.create();
  final InMemoryUnkey unkey = InMemoryUnkey.builder().clock(clock).build();
  final String apiId = unkey.apis().create(CreateApiRequest.of("waiters")).apiId();

  Waiters waiters() {
    return Waiters.of(unkey).clock(clock).sleeper(clock);
  }

  @Test
  void awaitVerifiesNeverSpendsTheKeysCredits() throws Exception {
    CreatedKey key =
        unkey.keys().create(CreateKeyRequest.builder(apiId).credits(Credits.of(2)).build());

    WaitResult result = waiters().awaitVerifies(key.key());

    assertThat(result.polls()).isEqualTo(3);
    assertThat(unkey.keys().get(key.keyId()).credits().remaining()).isEqualTo(2L);
    // the same three verifications without a cost would have spent them
    unkey.keys().verify(key.key());
    unkey.keys().verify(key.key());
    assertThat(unkey.keys().get(key.keyId()).credits().remaining()).isZero();
  }

  @Test
  void awaitVerifiesAcceptsAKeyWithoutCreditsLeft() throws Exception {
    CreatedKey key =
        unkey.keys().create(CreateKeyRequest.builder(apiId).credits(Credits.of(0)).build());
    assertThat(waiters().awaitVerifies(key.key()).lastState()).isEqualTo("VALID");
  }

  @Test
  void awaitRevokedSeesADeletedOrDisabledKeyWithoutWallTime() throws Exception {
    CreatedKey deleted = unkey.keys().create(CreateKeyRequest.builder(apiId).build());
    CreatedKey disabled = unkey.keys().create(CreateKeyRequest.builder(apiId).build());
    unkey.keys().delete(deleted.keyId());
    unkey.keys().update(UpdateKeyRequest.builder(disabled.keyId()).enabled(false).build());
    Instant start = clock.instant();
    long wallStart = System.nanoTime();

    assertThat(waiters().awaitRevoked(deleted.key()).lastState()).isEqualTo("NOT_FOUND");
    assertThat(waiters().awaitRevoked(disabled.key()).lastState()).isEqualTo("DISABLED");

    // two waits of 250 + 500 ms each, on the test clock only
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(1500));
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void awaitRevokedTimesOutOnALiveKeyNamingItsState() {
    CreatedKey live = unkey.keys().create(CreateKeyRequest.builder(apiId).build());
    assertThatThrownBy(() -> waiters().timeout(Duration.ofSeconds(5)).awaitRevoked(live.key()))
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("last seen: VALID")
        .hasMessageNotContaining(live.key().reveal());
  }

  @Test
  void awaitRootKeyRevokedSeesADeletedRootKeyRefused() throws Exception {
    CreatedKey root =
        unkey
            .rootKeys()
            .create(CreateRootKeyRequest.builder(List.of("api.*.verify_key")).name("svc").build());
    assertThatThrownBy(
            () -> waiters().timeout(Duration.ofSeconds(2)).awaitRootKeyRevoked(root.key()))
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("last seen: authenticated (HTTP 200, NOT_FOUND)");

    unkey.rootKeys().delete(root.keyId());

    WaitResult result = waiters().awaitRootKeyRevoked(root.key());
    assertThat(result.polls()).isEqualTo(3);
    assertThat(result.lastState()).startsWith("UnauthorizedException HTTP 401");
  }
}
