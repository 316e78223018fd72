package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.RequestOptions;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.testing.HostileAnswer;
import dev.keyward.testing.HostileServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unkey answers, but with something no verification can be read from: garbage, a cut body, an
 * endless one, one that drips slower than the filter's budget, a reset. Each is a failure to
 * answer: the route's policy decides (never a 500 from the filter, never a pass under FAIL_CLOSED,
 * never the key in the answer), and it counts toward the breaker.
 */
class DegradedHostileAnswerTest {
  static final Secret ROOT = Secret.of("unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXx");
  static final Secret KEY = Secret.of("sk_live_9hTq4LmZx2VbN7cRw3KpYs8D");

  final HostileServer unkey = HostileServer.start();
  final UnkeyHttpClient client =
      UnkeyHttpClient.builder()
          .baseUrl(unkey.url())
          .rootKey(ROOT)
          .build()
          .withOptions(
              RequestOptions.builder()
                  .callTimeout(Duration.ofMillis(500))
                  .retryPolicy(RetryPolicy.none())
                  .build());
  JettyServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    unkey.close();
  }

  static Stream<Arguments> answers() {
    Supplier<HostileAnswer> garbage = () -> HostileAnswer.json(200, "<html>not json</html>");
    Supplier<HostileAnswer> cut = () -> HostileAnswer.json(200, "{\"meta\":{\"requestId\":\"r\"},");
    Supplier<HostileAnswer> wrongShape =
        () -> HostileAnswer.json(200, "{\"meta\":{\"requestId\":\"r\"},\"data\":[1,2,3]}");
    Supplier<HostileAnswer> endless =
        () -> HostileAnswer.huge(64L << 20, "{\"meta\":{\"requestId\":\"", "a");
    Supplier<HostileAnswer> dripping =
        () ->
            HostileAnswer.json(200, "{\"meta\":{\"requestId\":\"r\"},\"data\":{\"valid\":true}}")
                .dripping(1, Duration.ofMillis(100));
    Supplier<HostileAnswer> reset =
        () ->
            HostileAnswer.json(200, "{\"meta\":{\"requestId\":\"r\"},\"data\":{\"valid\":true}}")
                .resetAfter(10);
    Supplier<HostileAnswer> stalled =
        () ->
            HostileAnswer.json(200, "{\"meta\":{\"requestId\":\"r\"},\"data\":{\"valid\":true}}")
                .stallAfterHeaders(Duration.ofSeconds(5));
    return Stream.of(
        Arguments.of("garbage", garbage),
        Arguments.of("cut", cut),
        Arguments.of("wrong shape", wrongShape),
        Arguments.of("endless", endless),
        Arguments.of("dripping", dripping),
        Arguments.of("reset", reset),
        Arguments.of("stalled", stalled));
  }

  HttpResponse<String> get(String path) throws Exception {
    return server.get(path, "Authorization", "Bearer " + KEY.reveal());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void anUnreadableAnswerTakesTheRoutesPolicyAndCountsTowardTheBreaker(
      String name, Supplier<HostileAnswer> answer) throws Exception {
    server =
        new JettyServer(
            ApiKeyFilter.builder(client)
                .route("/closed/*", Requirement.none(), DegradedPolicy.FAIL_CLOSED)
                .route("/open/*", Requirement.none(), DegradedPolicy.FAIL_OPEN)
                .circuitBreaker(2, Duration.ofHours(1))
                .build());
    unkey.enqueue(answer.get());
    HttpResponse<String> closed = get("/closed/1");
    assertThat(closed.statusCode()).as(name).isEqualTo(503);
    assertThat(closed.body()).doesNotContain(KEY.reveal());

    unkey.enqueue(answer.get());
    HttpResponse<String> open = get("/open/1");
    assertThat(open.statusCode()).as(name).isEqualTo(200);
    assertThat(open.body()).contains("failed-open principal=null");

    // Two unreadable answers in a row opened the breaker: the next request sends nothing.
    int sent = unkey.requestCount();
    assertThat(get("/closed/2").statusCode()).isEqualTo(503);
    assertThat(unkey.requestCount()).isEqualTo(sent);
  }
}
