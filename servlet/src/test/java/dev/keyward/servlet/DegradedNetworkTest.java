package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.RequestOptions;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.testing.HostileAnswer;
import dev.keyward.testing.HostileServer;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Unkey unreachable for real: a closed loopback port, and a server that accepts connections and
 * never finishes an answer. The breaker stops calling after its threshold; every answer follows the
 * route's policy. Asserts behaviour (statuses, calls made), not latency.
 */
class DegradedNetworkTest {
  static final Secret ROOT = Secret.of("unkey_4YY9nP6eZl2UHR8wXa3qMiYy");
  static final String KEY = "sk_8DfJ3kQm6VxN1tRbW5pLzC2g";
  static final String VALID =
      "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"valid\":true,\"code\":\"VALID\","
          + "\"keyId\":\"key_7\",\"permissions\":[\"documents.read\"]}}";

  final HostileServer hostile = HostileServer.start();
  JettyServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    hostile.close();
  }

  static UnkeyHttpClient client(String baseUrl) {
    return UnkeyHttpClient.builder()
        .baseUrl(baseUrl)
        .rootKey(ROOT)
        .retryPolicy(RetryPolicy.none())
        .callTimeout(Duration.ofMillis(300))
        .build();
  }

  HttpResponse<String> get(String path) throws Exception {
    return server.get(path, "Authorization", "Bearer " + KEY);
  }

  @Test
  void aServerThatNeverAnswersOpensTheBreakerAndRoutesKeepTheirPolicies() throws Exception {
    hostile.otherwise(HostileAnswer.json(200, VALID).stallAfterHeaders(Duration.ofMinutes(5)));
    ApiKeyFilter filter =
        ApiKeyFilter.builder(client(hostile.url()))
            .circuitBreaker(2, Duration.ofMinutes(10))
            .route("/open/*", Requirement.none(), DegradedPolicy.FAIL_OPEN)
            .build();
    server = new JettyServer(filter);

    for (int i = 0; i < 2; i++) {
      assertThat(get("/closed").statusCode()).isEqualTo(503);
    }
    assertThat(filter.circuitState()).isEqualTo(CircuitState.OPEN);
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> closed = get("/closed");
      assertThat(closed.statusCode()).isEqualTo(503);
      assertThat(closed.headers().firstValue("Retry-After")).hasValue("600");
      assertThat(get("/open/1").body()).isEqualTo("failed-open principal=null");
    }
    assertThat(hostile.requestCount()).isEqualTo(2);
  }

  @Test
  void aClosedPortOpensTheBreakerAndFailsClosed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ApiKeyFilter filter =
        ApiKeyFilter.builder(client("http://127.0.0.1:" + port))
            .circuitBreaker(3, Duration.ofMinutes(10))
            .build();
    server = new JettyServer(filter);

    for (int i = 0; i < 8; i++) {
      HttpResponse<String> r = get("/x");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).doesNotContain(KEY);
    }
    assertThat(filter.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void lastKnownGoodServesAKeyUnkeyVerifiedBeforeItStoppedAnswering() throws Exception {
    hostile.enqueue(HostileAnswer.json(200, VALID));
    hostile.otherwise(HostileAnswer.json(200, VALID).stallAfterHeaders(Duration.ofMinutes(5)));
    server =
        new JettyServer(
            ApiKeyFilter.builder(client(hostile.url()))
                .degradedPolicy(DegradedPolicy.LAST_KNOWN_GOOD)
                .build());

    HttpResponse<String> fresh = get("/x");
    HttpResponse<String> remembered = get("/x");
    HttpResponse<String> stranger =
        server.get("/x", "Authorization", "Bearer sk_0000OtherKeyNeverSeen00");

    assertThat(fresh.body()).startsWith("principal=key_7").doesNotContain("lastKnownGood");
    assertThat(remembered.statusCode()).isEqualTo(200);
    assertThat(remembered.body())
        .startsWith("principal=key_7")
        .contains("permissions=[documents.read]")
        .endsWith("lastKnownGood=true");
    assertThat(stranger.statusCode()).isEqualTo(503);
    assertThat(hostile.requestCount()).isEqualTo(3);
  }

  @Test
  void aVerificationClientDerivedWithItsOwnRetryBudgetGivesUpAfterTwoAttempts() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // The management defaults retry a refused connection for up to 10 s; the request path
    // derives a view with a short call timeout and two attempts (verify is retried only when the
    // request was never sent, as it spends credits and rate limits).
    UnkeyHttpClient management =
        UnkeyHttpClient.builder().baseUrl("http://127.0.0.1:" + port).rootKey(ROOT).build();
    UnkeyHttpClient verification =
        management.withOptions(
            RequestOptions.builder()
                .callTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .build());
    ApiKeyFilter filter =
        ApiKeyFilter.builder(verification).circuitBreaker(2, Duration.ofMinutes(10)).build();
    server = new JettyServer(filter);

    try (LogCapture logs = new LogCapture()) {
      for (int i = 0; i < 4; i++) {
        assertThat(get("/x").statusCode()).isEqualTo(503);
      }
      assertThat(logs.lines)
          .filteredOn(l -> l.contains("Unkey is unavailable"))
          .singleElement()
          .satisfies(l -> assertThat(l).contains("after 2 attempts"));
      assertThat(logs.all()).doesNotContain(KEY);
    }
    assertThat(filter.circuitState()).isEqualTo(CircuitState.OPEN);
  }
}
