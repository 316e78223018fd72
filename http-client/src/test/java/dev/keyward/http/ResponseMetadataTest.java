package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.NotFoundException;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponseMetadataTest {
  static final Secret API_KEY = Secret.of("sk_m3t4d4t4K3yNeverInAHeaderQ");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  ValidatingDispatcher answers;

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
  }

  @AfterEach
  void validated() {
    if (answers != null) {
      answers.assertValid();
    }
  }

  UnkeyHttpClient client(List<ResponseMetadata> got) {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(UnkeyHttpClientTest.ROOT)
        .clock(time)
        .sleeper(time)
        .build()
        .withOptions(RequestOptions.builder().onResponse(got::add).build());
  }

  @Test
  void aSuccessfulCallHandsOverHeadersWithoutKeysAndTheRateLimit() {
    answers
        .enqueue(500, RetryTest.FAIL_500)
        .enqueue(
            ValidatingDispatcher.Canned.json(200, ObservationTracingTest.WHOAMI_OK)
                .header("X-Unkey-Request-Id", "req_ok")
                .header("RateLimit", "\"default\";r=42;t=30")
                .header("RateLimit-Policy", "\"default\";q=100;w=60")
                .header("Set-Cookie", "session=abc")
                .header("X-Echo", "you sent " + API_KEY.reveal())
                .header("X-Echo-Root", UnkeyHttpClientTest.ROOT.reveal())
                .header("X-Plain", "fine"));
    List<ResponseMetadata> got = new ArrayList<>();
    client(got).keys().whoami(API_KEY);
    ResponseMetadata m = got.get(0);
    assertThat(got).hasSize(1);
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.attempts()).isEqualTo(2);
    assertThat(m.requestId()).isEqualTo("req_ok");
    assertThat(m.totalTime()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(m.header("X-Plain")).contains("fine");
    assertThat(m.headers())
        .containsKey("x-plain")
        .doesNotContainKeys("set-cookie", "x-echo", "x-echo-root");
    assertThat(m.rateLimit()).isPresent();
    assertThat(m.rateLimit().get().limit()).hasValue(100);
    assertThat(m.rateLimit().get().remaining()).hasValue(42);
    assertThat(m.rateLimit().get().reset()).contains(Duration.ofSeconds(30));
    assertThat(m.toString() + m.headers())
        .doesNotContain(API_KEY.reveal())
        .doesNotContain(UnkeyHttpClientTest.ROOT.reveal());
  }

  @Test
  void aFailedCallCarriesItsMetadataOnTheException() {
    answers.enqueue(
        ValidatingDispatcher.Canned.json(404, ObservationTracingTest.NOT_FOUND)
            .header("X-RateLimit-Limit", "10")
            .header("X-RateLimit-Remaining", "0"));
    List<ResponseMetadata> got = new ArrayList<>();
    assertThatThrownBy(() -> client(got).keys().verify(API_KEY))
        .isInstanceOf(NotFoundException.class)
        .satisfies(
            e -> {
              ResponseMetadata m = ResponseMetadata.of((UnkeyException) e).orElseThrow();
              assertThat(m.status()).isEqualTo(404);
              assertThat(m.attempts()).isEqualTo(1);
              assertThat(m.rateLimit().get().remaining()).hasValue(0);
              assertThat(((UnkeyException) e).response()).containsSame(m);
              assertThat(got).containsExactly(m);
            });
  }

  @Test
  void rateLimitHeadersParseInEachForm() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    assertThat(parse(Map.of("RateLimit", "limit=10, remaining=3, reset=7"), clock))
        .isEqualTo("RateLimitStatus{limit=10, remaining=3, reset=PT7S}");
    assertThat(
            parse(
                Map.of("RateLimit-Limit", "5", "RateLimit-Remaining", "4", "RateLimit-Reset", "2"),
                clock))
        .isEqualTo("RateLimitStatus{limit=5, remaining=4, reset=PT2S}");
    assertThat(parse(Map.of("X-RateLimit-Reset", "1800000060"), clock))
        .isEqualTo("RateLimitStatus{limit=?, remaining=?, reset=PT1M}");
    assertThat(parse(Map.of("X-RateLimit-Reset", "1800000005000"), clock))
        .isEqualTo("RateLimitStatus{limit=?, remaining=?, reset=PT5S}");
    assertThat(parse(Map.of("RateLimit-Policy", "100;w=60"), clock))
        .isEqualTo("RateLimitStatus{limit=100, remaining=?, reset=?}");
    assertThat(parse(Map.of("X-RateLimit-Limit", "-1", "RateLimit", "r=abc"), clock))
        .isEqualTo("none");
  }

  private static String parse(Map<String, String> headers, Clock clock) {
    return RateLimitStatus.parse(headers::get, clock).map(RateLimitStatus::toString).orElse("none");
  }
}
