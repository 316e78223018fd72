package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.RatelimitStatus;
import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** draft-ietf-httpapi-ratelimit-headers-09 fields on success and on 429, through a real Jetty. */
class RateLimitHeadersTest {
  static final String KEY = "sk_5HnW2qLx8TzR4mKvB7pYcS3d";

  final ScriptedUnkey unkey = new ScriptedUnkey();
  JettyServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  HttpResponse<String> get() throws Exception {
    return server.get("/x", "Authorization", "Bearer " + KEY);
  }

  static RatelimitStatus limit(
      String name, boolean exceeded, long limit, long windowS, long resetMs, long remaining) {
    return new RatelimitStatus(
        "rl_" + name,
        name,
        exceeded,
        limit,
        Duration.ofSeconds(windowS),
        Duration.ofMillis(resetMs),
        remaining,
        false);
  }

  void start() throws Exception {
    server =
        new JettyServer(
            ApiKeyFilter.builder(unkey.unkey)
                .defaultRequirement(
                    Requirement.builder().ratelimit("requests").ratelimit("burst").build())
                .build());
  }

  @Test
  void successCarriesTheMostRestrictiveLimit() throws Exception {
    start();
    unkey.answer(
        Verification.builder(Code.VALID)
            .keyId("key_1")
            .ratelimits(
                List.of(
                    limit("requests", false, 1000, 3600, 1_800_000, 400),
                    limit("burst", false, 10, 60, 29_001, 2)))
            .build());

    HttpResponse<String> r = get();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("RateLimit-Policy")).hasValue("\"burst\";q=10;w=60");
    assertThat(r.headers().firstValue("RateLimit")).hasValue("\"burst\";r=2;t=30");
    assertThat(r.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void rateLimitedAnswerCarriesTheExceededLimitAndRetryAfter() throws Exception {
    start();
    unkey.answer(
        Verification.builder(Code.RATE_LIMITED)
            .keyId("key_1")
            .ratelimits(
                List.of(
                    limit("burst", false, 10, 60, 5_000, 3),
                    limit("requests", true, 1000, 3600, 120_000, 0)))
            .build());

    HttpResponse<String> r = get();

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("RateLimit-Policy")).hasValue("\"requests\";q=1000;w=3600");
    assertThat(r.headers().firstValue("RateLimit")).hasValue("\"requests\";r=0;t=120");
    assertThat(r.headers().firstValue("Retry-After")).hasValue("120");
  }

  @Test
  void aNameTheRouteDidNotAskForIsNotEchoed() throws Exception {
    start();
    unkey.answer(
        Verification.builder(Code.VALID)
            .keyId("key_1")
            .ratelimits(List.of(limit(KEY, false, 5, 1, 999, 4)))
            .build());

    HttpResponse<String> r = get();

    assertThat(r.headers().firstValue("RateLimit")).hasValue("\"unkey\";r=4;t=1");
    assertThat(r.headers().map().toString()).doesNotContain(KEY);
  }

  @Test
  void noRateLimitsNoFields() throws Exception {
    start();
    unkey.answer(Verification.builder(Code.VALID).keyId("key_1").build());

    HttpResponse<String> r = get();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("RateLimit")).isEmpty();
    assertThat(r.headers().firstValue("RateLimit-Policy")).isEmpty();
  }
}
