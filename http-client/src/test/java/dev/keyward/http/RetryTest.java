package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.RateLimitedException;
import dev.keyward.ServerException;
import dev.keyward.TransportException;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.permission.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  static final String FAIL_500 =
      "{\"meta\":{\"requestId\":\"req_500\"},\"error\":{\"title\":\"Internal\","
          + "\"detail\":\"boom\",\"status\":500,\"type\":\"https://unkey.com/docs/errors/unkey/application/unexpected_error\"}}";
  static final String OK_LIVENESS =
      "{\"meta\":{\"requestId\":\"req_ok\"},\"data\":{\"message\":\"OK\"}}";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final List<String> events = new ArrayList<>();
  ValidatingDispatcher answers;

  final EventListener listener =
      new EventListener() {
        @Override
        public void attemptFailed(
            Operation operation,
            int attempt,
            int status,
            @Nullable String requestId,
            Duration delay) {
          events.add("failed " + attempt + " " + status + " " + delay.toMillis());
        }

        @Override
        public void callEnd(
            Operation operation,
            int status,
            @Nullable String requestId,
            Duration latency,
            int attempts) {
          events.add("end " + status + " " + requestId + " " + attempts);
        }
      };

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
  }

  @AfterEach
  void validated() {
    if (answers != null) { // null when a missing spec skipped the test in setUp
      answers.assertValid();
    }
  }

  UnkeyHttpClient client(RetryPolicy policy) {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(UnkeyHttpClientTest.ROOT)
        .clock(time)
        .sleeper(time)
        .eventListener(listener)
        .retryPolicy(policy)
        .build();
  }

  @Test
  void safeCallIsRetriedAfter5xxWithGrowingBackoff() {
    answers.enqueue(500, FAIL_500).enqueue(500, FAIL_500).enqueue(200, OK_LIVENESS);
    assertThat(client(RetryPolicy.builder().jitter(false).build()).liveness().requestId())
        .isEqualTo("req_ok");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(75));
    assertThat(events).containsExactly("failed 1 500 50", "failed 2 500 75", "end 200 req_ok 3");
  }

  @Test
  void jitteredWaitsStayBetweenHalfAndAllOfTheBackoff() {
    for (int i = 0; i < 5; i++) {
      answers.enqueue(500, FAIL_500);
    }
    answers.enqueue(200, OK_LIVENESS);
    client(RetryPolicy.defaults()).liveness();
    for (int i = 0; i < time.sleeps.size(); i++) {
      long full = RetryPolicy.defaults().backoff(i + 1).toMillis();
      assertThat(time.sleeps.get(i).toMillis()).isBetween(full / 2, full);
    }
  }

  @Test
  void backoffIsCappedAtOneSecond() {
    assertThat(RetryPolicy.defaults().backoff(30)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void budgetOfTenSecondsStopsRetries() {
    for (int i = 0; i < 40; i++) {
      answers.enqueue(500, FAIL_500);
    }
    assertThatThrownBy(() -> client(RetryPolicy.builder().jitter(false).build()).liveness())
        .isInstanceOf(ServerException.class);
    long slept = time.sleeps.stream().mapToLong(Duration::toMillis).sum();
    assertThat(slept).isLessThanOrEqualTo(10_000).isGreaterThan(8_000);
  }

  @Test
  void unsafeCallIsNotRetriedAfter5xx() {
    answers.enqueue(500, FAIL_500);
    assertThatThrownBy(
            () ->
                client(RetryPolicy.defaults())
                    .keys()
                    .create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void rateLimitIsRetriedOnlyWhenEnabledAndHonoursRetryAfter() {
    String tooMany =
        "{\"meta\":{\"requestId\":\"req_429\"},\"error\":{\"title\":\"Too Many"
            + " Requests\",\"detail\":\"slow\","
            + "\"status\":429,\"type\":\"https://unkey.com/docs/errors/user/too_many_requests/limit\"}}";
    answers.enqueue(
        new ValidatingDispatcher.Canned(429, "application/problem+json", tooMany, Map.of())
            .header("Retry-After", "2"));
    assertThatThrownBy(() -> client(RetryPolicy.defaults()).keys().verify("sk_any12345678"))
        .isInstanceOf(RateLimitedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);

    answers.enqueue(
        new ValidatingDispatcher.Canned(429, "application/problem+json", tooMany, Map.of())
            .header("Retry-After", "2"));
    answers.enqueue(
        200, "{\"meta\":{\"requestId\":\"req_v\"},\"data\":{\"valid\":true,\"code\":\"VALID\"}}");
    Verification v =
        client(RetryPolicy.builder().retryRateLimited(true).build())
            .keys()
            .verify("sk_any12345678");
    assertThat(v.valid()).isTrue();
    assertThat(time.sleeps)
        .containsExactly(Duration.ofSeconds(2)); // verifyKey is UNSAFE, yet a 429 was not applied
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    String date =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.instant().plusSeconds(3).atZone(java.time.ZoneOffset.UTC));
    String tooMany =
        "{\"meta\":{\"requestId\":\"req_429\"},\"error\":{\"title\":\"Too Many"
            + " Requests\",\"detail\":\"slow\","
            + "\"status\":429,\"type\":\"https://unkey.com/docs/errors/user/too_many_requests/limit\"}}";
    answers.enqueue(
        new ValidatingDispatcher.Canned(429, "application/problem+json", tooMany, Map.of())
            .header("Retry-After", date));
    answers.enqueue(
        200, "{\"meta\":{\"requestId\":\"req_v\"},\"data\":{\"valid\":true,\"code\":\"VALID\"}}");
    client(RetryPolicy.builder().retryRateLimited(true).build()).keys().verify("sk_any12345678");
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void unsafeCallAfterAnAmbiguousFailureIsNotRepeated() {
    server.setDispatcher(new QueueDispatcher());
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    assertThatThrownBy(
            () ->
                client(RetryPolicy.defaults())
                    .keys()
                    .create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcome()).isEqualTo(TransportException.Outcome.UNKNOWN);
              assertThat(e.getMessage()).contains("does not repeat keys.createKey");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void safeCallAfterAnAmbiguousFailureIsRepeated() {
    server.setDispatcher(new QueueDispatcher());
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(OK_LIVENESS)
            .build());
    assertThat(client(RetryPolicy.defaults()).liveness().message()).isEqualTo("OK");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void nonSafeBodiesAreOneShot() {
    assertThat(new JsonBody(okio.ByteString.encodeUtf8("{}"), true).isOneShot()).isTrue();
  }

  @Test
  void asyncCallRetriesLikeTheBlockingOne() throws Exception {
    answers.enqueue(500, FAIL_500).enqueue(200, OK_LIVENESS);
    assertThat(
            client(RetryPolicy.defaults())
                .async()
                .liveness()
                .get(10, java.util.concurrent.TimeUnit.SECONDS)
                .message())
        .isEqualTo("OK");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.setDispatcher(new QueueDispatcher());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(OK_LIVENESS)
            .headersDelay(5, java.util.concurrent.TimeUnit.SECONDS)
            .build());
    var future = client(RetryPolicy.defaults()).async().liveness();
    server.takeRequest();
    future.cancel(true);
    assertThat(future).isCancelled();
    Thread.sleep(100);
    assertThat(events).anySatisfy(e -> assertThat(e).startsWith("end 0"));
  }
}
