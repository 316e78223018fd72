package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.Problem;
import dev.keyward.ServerException;
import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import dev.keyward.permission.Operation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each {@link DegradedPolicy} when Unkey fails, through a real Jetty; time moves by hand. */
class DegradedPolicyTest {
  static final String KEY = "sk_7QmTz4Lp9XvB2nRwK8sYdE3a";

  final ScriptedUnkey unkey = new ScriptedUnkey();
  final MutableClock clock = new MutableClock();
  final CountingListener listener = new CountingListener();
  JettyServer server;

  ApiKeyFilter.Builder filter() {
    return ApiKeyFilter.builder(unkey.unkey)
        .clock(clock)
        .listener(listener)
        .circuitBreaker(1000, Duration.ofSeconds(5));
  }

  void start(ApiKeyFilter.Builder builder) throws Exception {
    server = new JettyServer(builder.build());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return server.get(path, "Authorization", "Bearer " + KEY);
  }

  void outage() {
    unkey.fail(
        new ServerException(Operation.KEYS_VERIFY_KEY, Problem.ofStatus(503, "req_1"), "down"));
  }

  void valid(String... permissions) {
    unkey.answer(
        Verification.builder(Code.VALID).keyId("key_9").permissions(List.of(permissions)).build());
  }

  @Test
  void failClosedIsTheDefaultAndAnswers503WithRetryAfter() throws Exception {
    start(filter());
    outage();

    HttpResponse<String> r = get("/x");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(r.body()).contains("verification-unavailable").doesNotContain(KEY);
    assertThat(listener.degraded).containsExactly("FAIL_CLOSED refused");
  }

  @Test
  void failOpenPassesUnverifiedMarkedLoggedAtWarnAndCounted() throws Exception {
    start(filter().route("/open/*", Requirement.none(), DegradedPolicy.FAIL_OPEN));
    outage();
    try (LogCapture logs = new LogCapture()) {
      assertThat(get("/open/1").body()).isEqualTo("failed-open principal=null");
      assertThat(get("/closed").statusCode()).isEqualTo(503);

      assertThat(listener.degraded).containsExactly("FAIL_OPEN passed", "FAIL_CLOSED refused");
      assertThat(logs.lines)
          .anySatisfy(l -> assertThat(l).contains("FAIL_OPEN").contains("passed unverified"));
      assertThat(logs.all()).doesNotContain(KEY);
    }
  }

  @Test
  void deprecatedFailOpenMapsToThePolicy() throws Exception {
    @SuppressWarnings("deprecation")
    ApiKeyFilter.Builder b = filter().failOpen(true);
    start(b);
    outage();

    assertThat(get("/x").body()).isEqualTo("failed-open principal=null");
    assertThat(listener.degraded).containsExactly("FAIL_OPEN passed");
  }

  @Test
  void lastKnownGoodPassesARecentlyValidKeyWithItsLastPermissionsWithinTheWindow()
      throws Exception {
    start(filter().degradedPolicy(DegradedPolicy.LAST_KNOWN_GOOD));
    valid("documents.read");
    assertThat(get("/x").statusCode()).isEqualTo(200);
    outage();

    clock.advance(Duration.ofMinutes(4));
    HttpResponse<String> within = get("/x");
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> past = get("/x");

    assertThat(within.statusCode()).isEqualTo(200);
    assertThat(within.body())
        .startsWith("principal=key_9")
        .contains("permissions=[documents.read]")
        .endsWith("lastKnownGood=true");
    assertThat(past.statusCode()).isEqualTo(503);
    assertThat(listener.degraded)
        .containsExactly("LAST_KNOWN_GOOD passed", "LAST_KNOWN_GOOD refused");
  }

  @Test
  void lastKnownGoodChecksTheRoutesPermissionsAgainstTheLastOnes() throws Exception {
    start(
        filter()
            .route("/read/*", Requirement.permissions("documents.read"))
            .route("/write/*", Requirement.permissions("documents.write"))
            .degradedPolicy(DegradedPolicy.LAST_KNOWN_GOOD));
    valid("documents.read");
    assertThat(get("/read/1").statusCode()).isEqualTo(200);
    outage();

    assertThat(get("/read/1").statusCode()).isEqualTo(200);
    assertThat(get("/write/1").statusCode()).isEqualTo(503);
  }

  @Test
  void lastKnownGoodNeverAdmitsAnUnknownKey() throws Exception {
    start(filter().degradedPolicy(DegradedPolicy.LAST_KNOWN_GOOD));
    outage();

    assertThat(get("/x").statusCode()).isEqualTo(503);
  }

  @ParameterizedTest
  @EnumSource(
      value = Code.class,
      names = {"NOT_FOUND", "RATE_LIMITED", "USAGE_EXCEEDED", "DISABLED", "EXPIRED"})
  void lastKnownGoodNeverAdmitsAKeyOnceSeenRefused(Code refusal) throws Exception {
    start(filter().degradedPolicy(DegradedPolicy.LAST_KNOWN_GOOD));
    valid();
    assertThat(get("/x").statusCode()).isEqualTo(200);
    unkey.answer(Verification.builder(refusal).keyId("key_9").build());
    assertThat(get("/x").statusCode()).isNotEqualTo(200);
    valid(); // e.g. the rate limit window reset: Unkey says VALID again
    assertThat(get("/x").statusCode()).isEqualTo(200);
    outage();

    assertThat(get("/x").statusCode()).isEqualTo(503);
    assertThat(listener.degraded).containsExactly("LAST_KNOWN_GOOD refused");
  }

  @Test
  void aRootKeyUnkeyRejectsIsNeverCoveredByAPolicy() throws Exception {
    start(filter().degradedPolicy(DegradedPolicy.FAIL_OPEN));
    unkey.fail(
        new dev.keyward.UnauthorizedException(
            Operation.KEYS_VERIFY_KEY, Problem.ofStatus(401, null), "root key rejected"));

    assertThat(get("/x").statusCode()).isEqualTo(503);
    assertThat(listener.degraded).isEmpty();
  }

  @Test
  void misconfigurationFailsAtConstructionNamingTheSetting() {
    ApiKeyFilter.Builder b = ApiKeyFilter.builder(unkey.unkey);
    assertThatThrownBy(() -> b.route("", Requirement.none(), DegradedPolicy.FAIL_OPEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pattern");
    assertThatThrownBy(
            () -> DegradedPolicy.parse("keyward.filter.routes[0].degraded-policy", "SOMETIMES"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "keyward.filter.routes[0].degraded-policy must be one of FAIL_CLOSED, FAIL_OPEN,"
                + " LAST_KNOWN_GOOD");
    assertThat(DegradedPolicy.parse("p", "last-known-good"))
        .isEqualTo(DegradedPolicy.LAST_KNOWN_GOOD);
    assertThatThrownBy(() -> b.lastKnownGood(Duration.ofHours(24).plusSeconds(1), 10))
        .hasMessageContaining("lastKnownGoodWindow");
    assertThatThrownBy(() -> b.lastKnownGood(Duration.ZERO, 10))
        .hasMessageContaining("lastKnownGoodWindow");
    assertThatThrownBy(() -> b.lastKnownGood(Duration.ofMinutes(5), 0))
        .hasMessageContaining("lastKnownGoodMaxEntries");
    assertThatThrownBy(() -> b.circuitBreaker(0, Duration.ofSeconds(1)))
        .hasMessageContaining("circuitBreakerThreshold");
    assertThatThrownBy(() -> b.circuitBreaker(5, Duration.ZERO))
        .hasMessageContaining("circuitBreakerInterval");
    assertThat(b.lastKnownGood(Duration.ofHours(24), 1)).isSameAs(b);
  }
}
