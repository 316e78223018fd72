package dev.keyward.waiters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyward.BadRequestException;
import dev.keyward.InsufficientPermissionsException;
import dev.keyward.Problem;
import dev.keyward.ServerException;
import dev.keyward.TransportException;
import dev.keyward.UnauthorizedException;
import dev.keyward.key.Secret;
import dev.keyward.model.Verification.Code;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.permission.Operation;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitersTest {
  static final Secret API_KEY = Secret.of("sk_live_" + "9fQ2mZxWv4Lr7TyB8nKpD3hJ");
  static final Secret ROOT_KEY = Secret.of("unkey_" + "3ZbF1Sq7mTu8b6Yy2xXLKfQw");

  final SleepLog clock = new SleepLog();
  final ScriptedUnkey server = new ScriptedUnkey();

  Waiters waiters() {
    return Waiters.of(server.port()).clock(clock).sleeper(clock);
  }

  static UnauthorizedException unauthorized() {
    return new UnauthorizedException(
        Operation.KEYS_VERIFY_KEY, Problem.ofStatus(401, "req_401"), "the root key is invalid");
  }

  @Test
  void awaitRevoked_returnsAfterThePropagationDelayAndThreeRefusals() throws Exception {
    server.then(2, Code.VALID).then(3, Code.NOT_FOUND);

    WaitResult result = waiters().awaitRevoked(API_KEY);

    assertThat(result.polls()).isEqualTo(5);
    assertThat(result.lastState()).isEqualTo("NOT_FOUND");
    assertThat(clock.sleeps).containsExactly(250L, 500L, 1000L, 2000L);
    assertThat(result.waited()).isEqualTo(Duration.ofMillis(3750));
    assertThat(server.requests).allSatisfy(r -> assertThat(r.key()).isEqualTo(API_KEY));
  }

  @Test
  void awaitRevoked_neverSpendsCredits() throws Exception {
    server.then(3, Code.DISABLED);
    waiters().awaitRevoked(API_KEY);
    assertThat(server.requests).hasSize(3).extracting(VerifyKeyRequest::cost).containsOnly(0L);
  }

  @Test
  void awaitRevoked_aValidAnswerInBetweenRestartsTheStreak() throws Exception {
    server
        .then(2, Code.NOT_FOUND)
        .then(1, Code.VALID)
        .then(1, Code.NOT_FOUND)
        .then(1, Code.DISABLED)
        .then(1, Code.EXPIRED);

    WaitResult result = waiters().awaitRevoked(API_KEY);

    assertThat(result.polls()).isEqualTo(6);
    assertThat(result.lastState()).isEqualTo("EXPIRED");
    assertThat(clock.sleeps).containsExactly(250L, 500L, 1000L, 2000L, 4000L);
  }

  @Test
  void awaitRevoked_aRateLimitedKeyStillExists() throws Exception {
    server.then(1, Code.NOT_FOUND).then(1, Code.RATE_LIMITED).then(3, Code.NOT_FOUND);
    assertThat(waiters().awaitRevoked(API_KEY).polls()).isEqualTo(5);
  }

  @Test
  void backoffIsCappedAndTheLastPauseEndsOnTheTimeout() {
    server.then(1, Code.VALID);

    WaiterTimeoutException e =
        catchThrowableOfType(
            WaiterTimeoutException.class,
            () -> waiters().timeout(Duration.ofSeconds(20)).awaitRevoked(API_KEY));

    assertThat(clock.sleeps).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L, 2250L);
    assertThat(clock.sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000L);
    assertThat(e.polls()).isEqualTo(9);
  }

  @Test
  void timeoutNamesWhatWasAwaitedAndTheLastStateButNoKey() {
    server.then(1, Code.VALID);

    WaiterTimeoutException e =
        catchThrowableOfType(
            WaiterTimeoutException.class,
            () -> waiters().timeout(Duration.ofSeconds(10)).awaitRevoked(API_KEY));

    assertThat(e.lastState()).isEqualTo("VALID");
    assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(e.awaited()).contains("revocation of an API key").contains("3 in a row");
    assertThat(e.getMessage())
        .isEqualTo(
            "timed out after 10 s (7 calls) awaiting revocation of an API key (NOT_FOUND,"
                + " DISABLED or EXPIRED) (3 in a row); last seen: VALID, 0 s ago")
        .doesNotContain(API_KEY.reveal())
        .doesNotContain(API_KEY.start());
    assertThat(e).hasNoCause();
  }

  @Test
  void transientFailuresAreObservedStatesAndTheLastOneIsTheCause() {
    ServerException unavailable =
        new ServerException(
            Operation.KEYS_VERIFY_KEY, Problem.ofStatus(503, "req_503"), "the server failed");
    server.then(2, Code.NOT_FOUND).thenThrow(1, () -> unavailable);

    WaiterTimeoutException e =
        catchThrowableOfType(
            WaiterTimeoutException.class,
            () -> waiters().timeout(Duration.ofSeconds(3)).awaitRevoked(API_KEY));

    assertThat(e.lastState()).isEqualTo("ServerException HTTP 503 (request req_503)");
    assertThat(e.getCause()).isSameAs(unavailable);
    assertThat(e.getMessage()).doesNotContain(API_KEY.reveal());
  }

  @Test
  void aTransportFailureBreaksTheStreakWithoutEndingTheWait() throws Exception {
    server
        .then(2, Code.NOT_FOUND)
        .thenThrow(
            1,
            () ->
                new TransportException(
                    Operation.KEYS_VERIFY_KEY,
                    TransportException.Outcome.UNKNOWN,
                    "connection reset",
                    new IOException("reset")))
        .then(3, Code.NOT_FOUND);
    assertThat(waiters().awaitRevoked(API_KEY).polls()).isEqualTo(6);
  }

  @Test
  void insufficientPermissionsAbortAtOnceWithTheCause() {
    InsufficientPermissionsException forbidden =
        new InsufficientPermissionsException(
            Operation.KEYS_VERIFY_KEY, Problem.ofStatus(403, "req_403"), "missing", null);
    server.thenThrow(1, () -> forbidden);

    assertThatThrownBy(() -> waiters().awaitRevoked(API_KEY)).isSameAs(forbidden);
    assertThat(server.requests).hasSize(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void awaitVerifies_waitsForThreeValidAnswersAndNeverSpendsCredits() throws Exception {
    server.then(2, Code.NOT_FOUND).then(1, Code.VALID).then(1, Code.USAGE_EXCEEDED);
    server.then(3, Code.VALID);

    WaitResult result = waiters().awaitVerifies(API_KEY);

    assertThat(result.polls()).isEqualTo(7);
    assertThat(result.lastState()).isEqualTo("VALID");
    assertThat(server.requests).extracting(VerifyKeyRequest::cost).containsOnly(0L);
  }

  @Test
  void awaitVerifies_timeoutNamesTheLastCode() {
    server.then(1, Code.DISABLED);
    assertThatThrownBy(() -> waiters().timeout(Duration.ofSeconds(1)).awaitVerifies(API_KEY))
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("awaiting an API key to verify (VALID)")
        .hasMessageContaining("last seen: DISABLED");
  }

  @Test
  void awaitRootKeyRevoked_callsAsTheRootKeyUntilThreeRefusals() throws Exception {
    server.then(2, Code.NOT_FOUND).thenThrow(3, WaitersTest::unauthorized);

    WaitResult result = waiters().awaitRootKeyRevoked(ROOT_KEY);

    assertThat(result.polls()).isEqualTo(5);
    assertThat(result.lastState()).isEqualTo("UnauthorizedException HTTP 401 (request req_401)");
    assertThat(server.actingAs).hasSize(5).containsOnly(ROOT_KEY);
    // a random key that cannot exist, verified for free
    assertThat(server.requests)
        .allSatisfy(r -> assertThat(r.key().reveal()).startsWith("keyward_probe_"))
        .extracting(VerifyKeyRequest::cost)
        .containsOnly(0L);
  }

  @Test
  void awaitRootKeyRevoked_aForbiddenAnswerMeansTheKeyStillAuthenticates() throws Exception {
    server
        .thenThrow(2, WaitersTest::unauthorized)
        .thenThrow(
            1,
            () ->
                new InsufficientPermissionsException(
                    Operation.KEYS_VERIFY_KEY, Problem.ofStatus(403, "req_403"), "missing", null))
        .thenThrow(3, WaitersTest::unauthorized);
    assertThat(waiters().awaitRootKeyRevoked(ROOT_KEY).polls()).isEqualTo(6);
  }

  @Test
  void awaitRootKeyRevoked_timeoutNamesTheLastAnswerButNoKey() {
    server.then(1, Code.NOT_FOUND);
    WaiterTimeoutException e =
        catchThrowableOfType(
            WaiterTimeoutException.class,
            () -> waiters().timeout(Duration.ofMillis(1500)).awaitRootKeyRevoked(ROOT_KEY));
    assertThat(e.getMessage())
        .contains("revocation of a root key (HTTP 401)")
        .contains("last seen: authenticated (HTTP 200, NOT_FOUND)")
        .contains("1.500 s")
        .doesNotContain(ROOT_KEY.reveal())
        .doesNotContain(ROOT_KEY.start())
        .doesNotContain("keyward_probe_");
  }

  @Test
  void awaitRootKeyRevoked_aMalformedRequestAbortsAtOnce() {
    BadRequestException bad =
        new BadRequestException(
            Operation.KEYS_VERIFY_KEY, Problem.ofStatus(400, "req_400"), "malformed");
    server.thenThrow(1, () -> bad);
    assertThatThrownBy(() -> waiters().awaitRootKeyRevoked(ROOT_KEY)).isSameAs(bad);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void streakOfOneReturnsOnTheFirstMatch() throws Exception {
    server.then(1, Code.NOT_FOUND);
    assertThat(waiters().streak(1).awaitRevoked(API_KEY).polls()).isEqualTo(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void customBackoffIsUsed() throws Exception {
    server.then(3, Code.VALID).then(3, Code.NOT_FOUND);
    waiters().backoff(Duration.ofSeconds(1), Duration.ofSeconds(3)).awaitRevoked(API_KEY);
    assertThat(clock.sleeps).containsExactly(1000L, 2000L, 3000L, 3000L, 3000L);
  }

  @Test
  void settingsAreValidated() {
    Waiters w = Waiters.of(server.port());
    assertThatThrownBy(() -> w.streak(0)).hasMessage("streak must be between 1 and 100");
    assertThatThrownBy(() -> w.timeout(Duration.ZERO)).hasMessage("timeout must be positive");
    assertThatThrownBy(() -> w.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("max must be at least initial");
    assertThatThrownBy(() -> w.backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .hasMessage("initial must be positive");
    assertThat(w.toString()).isEqualTo("Waiters{timeout=PT2M, backoff=PT0.25S..PT5S, streak=3}");
  }
}
