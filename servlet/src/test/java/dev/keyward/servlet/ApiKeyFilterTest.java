package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.Problem;
import dev.keyward.RateLimitedException;
import dev.keyward.ServerException;
import dev.keyward.TransportException;
import dev.keyward.UnauthorizedException;
import dev.keyward.model.Identity;
import dev.keyward.model.RatelimitStatus;
import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import dev.keyward.permission.Operation;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every code → status mapping, through a real Jetty and a real HTTP client. */
class ApiKeyFilterTest {
  static final String KEY = "sk_3ZxgT8aQm4vJw1nRkY7pLsE2";

  final ScriptedUnkey unkey = new ScriptedUnkey();
  JettyServer server;

  JettyServer start(ApiKeyFilter filter) throws Exception {
    server = new JettyServer(filter);
    return server;
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  HttpResponse<String> getWithKey(String path) throws Exception {
    return server.get(path, "Authorization", "Bearer " + KEY);
  }

  @Test
  void validKeyBecomesThePrincipal() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());
    unkey.answer(
        Verification.builder(Code.VALID)
            .keyId("key_42")
            .identity(new Identity("id_1", "user_7", Map.of(), List.of()))
            .permissions(List.of("documents.read"))
            .roles(List.of("admin"))
            .meta(Map.of("plan", "pro"))
            .credits(9L)
            .build());

    HttpResponse<String> r = getWithKey("/documents");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo(
            "principal=key_42 externalId=user_7 permissions=[documents.read]"
                + " roles=[admin] credits=9 meta={plan=pro} adminRole=true");
    assertThat(unkey.requests)
        .singleElement()
        .satisfies(q -> assertThat(q.key().reveal()).isEqualTo(KEY));
  }

  @ParameterizedTest
  @CsvSource({
    "NOT_FOUND, 401, invalid-key",
    "EXPIRED, 401, expired-key",
    "DISABLED, 401, disabled-key",
    "INSUFFICIENT_PERMISSIONS, 403, insufficient-permissions",
    "FORBIDDEN, 403, forbidden",
    "RATE_LIMITED, 429, rate-limited",
    "USAGE_EXCEEDED, 429, usage-exceeded",
  })
  void rejectionCodesMapToStatuses(Code code, int status, String type) throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());
    unkey.answer(Verification.builder(code).requestId("req_9").build());

    HttpResponse<String> r = getWithKey("/documents");

    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json;charset=utf-8");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.body())
        .startsWith("{\"type\":\"urn:keyward:problem:" + type + "\",")
        .contains("\"status\":" + status, "\"code\":\"" + code + "\"", "\"requestId\":\"req_9\"")
        .doesNotContain(KEY);
    if (status == 401) {
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer error=\"invalid_token\"");
    }
  }

  @Test
  void usageExceededMayAnswer402() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).usageExceededStatus(402).build());
    unkey.answer(Verification.builder(Code.USAGE_EXCEEDED).build());

    HttpResponse<String> r = getWithKey("/x");

    assertThat(r.statusCode()).isEqualTo(402);
    assertThat(r.body()).contains("\"title\":\"Payment Required\"");
  }

  @Test
  void unknownCodeIsRefused() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());
    unkey.answer(Verification.builder(Code.UNKNOWN).rawCode("QUANTUM_LOCKED").build());

    HttpResponse<String> r = getWithKey("/x");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("\"code\":\"QUANTUM_LOCKED\"");
  }

  @Test
  void retryAfterIsTheLongestExceededResetRoundedUp() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());
    unkey.answer(
        Verification.builder(Code.RATE_LIMITED)
            .ratelimits(
                List.of(
                    status("a", true, 1_200), status("b", true, 7_001), status("c", false, 60_000)))
            .build());

    HttpResponse<String> r = getWithKey("/x");

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("8");
  }

  @Test
  void retryAfterIsAtLeastOneSecondAndAbsentWithoutLimits() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());
    unkey.answer(
        Verification.builder(Code.RATE_LIMITED).ratelimits(List.of(status("a", true, 0))).build());
    assertThat(getWithKey("/x").headers().firstValue("Retry-After")).hasValue("1");

    unkey.answer(Verification.builder(Code.RATE_LIMITED).build());
    HttpResponse<String> r = getWithKey("/x");
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isEmpty();
  }

  static RatelimitStatus status(String name, boolean exceeded, long resetMillis) {
    return new RatelimitStatus(
        "rl_" + name,
        name,
        exceeded,
        10,
        Duration.ofMinutes(1),
        Duration.ofMillis(resetMillis),
        0,
        false);
  }

  @Test
  void missingKeyAsks401WithBearerChallenge() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());

    HttpResponse<String> r = server.get("/x");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(r.body()).contains("urn:keyward:problem:missing-key");
    assertThat(unkey.requests).isEmpty();
  }

  @Test
  void keyInQueryStringIsIgnored() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());

    HttpResponse<String> r =
        server.get("/x?key=" + KEY + "&api_key=" + KEY + "&access_token=" + KEY);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).doesNotContain(KEY);
    assertThat(unkey.requests).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Basic dXNlcjpwYXNz | 401 | missing-key",
        "BearerX abc | 401 | missing-key",
        "Bearer | 401 | malformed-key",
        "Bearer    | 401 | malformed-key",
        "Bearer a b | 401 | malformed-key",
        "Bearer sk_a\tb | 401 | malformed-key",
      })
  void garbledAuthorizationHeaders(String header, int status, String type) throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());

    HttpResponse<String> r = server.get("/x", "Authorization", header);

    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).contains("urn:keyward:problem:" + type);
    assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    assertThat(unkey.requests).isEmpty();
  }

  @Test
  void bearerSchemeIsCaseInsensitive() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());

    assertThat(server.get("/x", "Authorization", "bearer " + KEY).statusCode()).isEqualTo(200);
    assertThat(server.get("/x", "Authorization", "BEARER  " + KEY + " ").statusCode())
        .isEqualTo(200);
    assertThat(unkey.requests)
        .hasSize(2)
        .allSatisfy(q -> assertThat(q.key().reveal()).isEqualTo(KEY));
  }

  @Test
  void nonAsciiKeyIsMalformed() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());

    assertThat(server.rawStatus("/x", "Authorization: Bearer sk_\u00fc\u00e9")).isEqualTo(401);
    assertThat(server.rawStatus("/x", "Authorization: Bearer sk_ok")).isEqualTo(200);
    assertThat(unkey.requests).hasSize(1);
  }

  @Test
  void tooLongKeyIsMalformed() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());

    HttpResponse<String> r = server.get("/x", "Authorization", "Bearer " + "k".repeat(513));

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("malformed-key");
    assertThat(unkey.requests).isEmpty();
  }

  @Test
  void twoAuthorizationHeadersAreRefused() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());

    HttpResponse<String> r =
        server.get("/x", "Authorization", "Bearer " + KEY, "Authorization", "Bearer other");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("malformed-key");
    assertThat(unkey.requests).isEmpty();
  }

  @Test
  void configuredHeaderIsReadRawAndAuthorizationIgnored() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).header("X-API-Key").build());

    assertThat(server.get("/x", "X-API-Key", KEY).statusCode()).isEqualTo(200);
    HttpResponse<String> r = server.get("/x", "Authorization", "Bearer " + KEY);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("X-API-Key");
    assertThat(unkey.requests).hasSize(1);
  }

  @Test
  void routesSendTheirRequirementAndExclusionsPassWithoutKey() throws Exception {
    start(
        ApiKeyFilter.builder(unkey.unkey)
            .route(
                "/documents/*",
                Requirement.builder()
                    .permissions("documents.read AND documents.write")
                    .tag("route=documents")
                    .cost(2)
                    .ratelimit("requests")
                    .build())
            .route("/documents/public/*", Requirement.none())
            .exclude("/health")
            .build());

    assertThat(server.get("/health").body()).isEqualTo("anonymous principal=null");
    assertThat(getWithKey("/documents/7").statusCode()).isEqualTo(200);
    assertThat(getWithKey("/documents/public/7").statusCode()).isEqualTo(200);
    assertThat(getWithKey("/other").statusCode()).isEqualTo(200);

    assertThat(unkey.requests).hasSize(3);
    var documents = unkey.requests.get(0);
    assertThat(documents.permissions()).hasToString("documents.read AND documents.write");
    assertThat(documents.tags()).containsExactly("route=documents");
    assertThat(documents.cost()).isEqualTo(2L);
    assertThat(documents.ratelimits()).extracting(c -> c.name()).containsExactly("requests");
    assertThat(unkey.requests.get(1).permissions()).isNull();
    assertThat(unkey.requests.get(2).permissions()).isNull();
  }

  @Test
  void failsClosedWhenUnkeyIsUnreachableOrFailing() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).build());

    unkey.fail(
        new TransportException(
            Operation.KEYS_VERIFY_KEY,
            TransportException.Outcome.UNKNOWN,
            "connection reset",
            new IOException("reset")));
    HttpResponse<String> transport = getWithKey("/x");
    assertThat(transport.statusCode()).isEqualTo(503);
    assertThat(transport.body())
        .contains("urn:keyward:problem:verification-unavailable")
        .doesNotContain(KEY);

    unkey.fail(
        new ServerException(
            Operation.KEYS_VERIFY_KEY, Problem.ofStatus(500, "req_1"), "server failed"));
    assertThat(getWithKey("/x").statusCode()).isEqualTo(503);

    unkey.fail(
        new RateLimitedException(
            Operation.KEYS_VERIFY_KEY,
            Problem.ofStatus(429, "req_2"),
            "workspace rate limited",
            Duration.ofMillis(2500)));
    HttpResponse<String> limited = getWithKey("/x");
    assertThat(limited.statusCode()).isEqualTo(503);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
  }

  @Test
  void failOpenPassesUnverifiedAndLogsOncePerIncident() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).failOpen(true).build());
    try (LogCapture logs = new LogCapture()) {
      unkey.fail(
          new ServerException(
              Operation.KEYS_VERIFY_KEY, Problem.ofStatus(502, null), "bad gateway"));
      assertThat(getWithKey("/x").body()).isEqualTo("failed-open principal=null");
      assertThat(getWithKey("/x").body()).isEqualTo("failed-open principal=null");
      assertThat(logs.lines).filteredOn(l -> l.contains("FAILING OPEN")).hasSize(1);

      unkey.script = r -> Verification.builder(Code.VALID).keyId("key_1").build();
      assertThat(getWithKey("/x").statusCode()).isEqualTo(200);
      assertThat(logs.lines).filteredOn(l -> l.contains("reachable again")).hasSize(1);

      unkey.fail(
          new ServerException(
              Operation.KEYS_VERIFY_KEY, Problem.ofStatus(502, null), "bad gateway"));
      getWithKey("/x");
      assertThat(logs.lines).filteredOn(l -> l.contains("FAILING OPEN")).hasSize(2);
      assertThat(logs.all()).doesNotContain(KEY);
    }
  }

  @Test
  void rejectedRootKeyNeverFailsOpen() throws Exception {
    start(ApiKeyFilter.builder(unkey.unkey).failOpen(true).build());
    unkey.fail(
        new UnauthorizedException(
            Operation.KEYS_VERIFY_KEY, Problem.ofStatus(401, null), "root key rejected"));

    HttpResponse<String> r = getWithKey("/x");

    assertThat(r.statusCode()).isEqualTo(503);
  }
}
