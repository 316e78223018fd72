package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyward.RateLimitedException;
import dev.keyward.TransportException;
import dev.keyward.UnexpectedStatusException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Retry-After} of any text is read without an exception escaping, blocking or async: huge
 * delta-seconds are clamped to a day, garbage is ignored (the backoff applies). Nothing is thrown
 * on OkHttp's dispatcher thread, and an async failure is never reported as a cancellation.
 */
class RetryAfterTest {
  static final String FAIL_503 =
      "{\"meta\":{\"requestId\":\"req_503\"},\"error\":{\"title\":\"Unavailable\","
          + "\"detail\":\"later\",\"status\":503,\"type\":\"about:blank\"}}";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  Thread.UncaughtExceptionHandler previous;

  @BeforeEach
  void watchUncaught() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }

  UnkeyHttpClient client() {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(UnkeyHttpClientTest.ROOT)
        .clock(time)
        .sleeper(time)
        .build();
  }

  MockResponse answer(int code, String retryAfter) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeaderLenient("Retry-After", retryAfter)
        .body(new Buffer().writeUtf8(FAIL_503.replace("503", Integer.toString(code))))
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2147483648", "99999999999999999999"})
  void hugeValuesAreClampedSoNoRetryFitsTheBudget(String value) {
    server.enqueue(answer(503, value));
    Throwable sync = catchThrowable(() -> client().liveness());
    assertThat(sync).isInstanceOf(UnexpectedStatusException.class);

    server.enqueue(answer(503, value));
    Throwable async = catchThrowable(() -> client().async().liveness().join());
    assertThat(async).isInstanceOf(CompletionException.class);
    assertThat(async.getCause())
        .isInstanceOf(UnexpectedStatusException.class)
        .hasMessageContaining("HTTP 503");

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(uncaught).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "1e3", "+5", "٣"})
  void garbageIsIgnoredAndTheBackoffApplies(String value) {
    String ok = "{\"meta\":{\"requestId\":\"req_ok\"},\"data\":{\"message\":\"OK\"}}";
    MockResponse okAnswer =
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(new Buffer().writeUtf8(ok))
            .build();
    server.enqueue(answer(503, value));
    server.enqueue(okAnswer);
    assertThat(client().liveness().message()).isEqualTo("OK");
    server.enqueue(answer(503, value));
    server.enqueue(okAnswer);
    assertThat(client().async().liveness().join().message()).isEqualTo("OK");

    assertThat(time.sleeps)
        .hasSize(2)
        .allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));
    assertThat(uncaught).isEmpty();
  }

  @Test
  void aRateLimitCarriesTheClampedWait() {
    server.enqueue(answer(429, "99999999999999999999"));
    Throwable thrown = catchThrowable(() -> client().liveness());
    assertThat(thrown)
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(RetryAfter.MAX));
  }

  @Test
  void parseReadsSecondsDatesAndNothingElse() {
    assertThat(RetryAfter.parse("7", time)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0007 ", time)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("2147483648", time)).isEqualTo(RetryAfter.MAX);
    assertThat(RetryAfter.parse("Tue, 01 Jan 2030 00:00:30 GMT", time))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Tue, 01 Jan 2030 00:00:30 GMT", time))
        .isEqualTo(Duration.ofSeconds(30));
    for (String garbage : List.of("-1", "abc", "1e3", "", "1.5", "Tue, 99 Foo")) {
      assertThat(RetryAfter.parse(garbage, time)).as(garbage).isNull();
    }
  }

  @Test
  void anExceptionInTheChainFailsTheFutureWithTheRealCauseNotACancellation() {
    OkHttpClient throwing =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  throw new IllegalStateException("interceptor bug");
                })
            .build();
    UnkeyHttpClient client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .okHttpClient(throwing)
            .retryPolicy(RetryPolicy.none())
            .build();

    Throwable async = catchThrowable(() -> client.async().liveness().join());
    Throwable sync = catchThrowable(client::liveness);

    for (Throwable t : List.of(async.getCause(), sync)) {
      assertThat(t)
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("IllegalStateException in the interceptor chain")
          .hasMessageNotContaining("cancelled")
          .hasRootCauseInstanceOf(IllegalStateException.class);
    }
    assertThat(uncaught).isEmpty();
  }
}
