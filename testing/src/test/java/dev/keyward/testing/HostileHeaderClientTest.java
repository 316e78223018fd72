package dev.keyward.testing;

import static dev.keyward.testing.HostileClients.API;
import static dev.keyward.testing.HostileClients.ROOT;
import static dev.keyward.testing.HostileClients.assertNoKey;
import static dev.keyward.testing.HostileClients.retrying;
import static dev.keyward.testing.HostileClients.run;
import static dev.keyward.testing.HostileClients.text;
import static dev.keyward.testing.HostileClients.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.RateLimitedException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.Verification;
import dev.keyward.testing.HostileClients.ClientCall;
import dev.keyward.testing.HostileClients.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Absurd headers from a {@link HostileServer}: {@code Retry-After} of 20 digits, of 2^31, or
 * garbage, on a 503 and a 429; 5,000 headers; a 100 KB value; a line that is not UTF-8. Each ends
 * in a typed exception or a success, never an Error or a raw runtime exception; an async call's
 * future fails with the same exception (never a cancellation), and nothing reaches the default
 * uncaught-exception handler ({@link HostileClients#close()} checks that).
 */
class HostileHeaderClientTest {
  static final String VALID =
      "{\"meta\":{\"requestId\":\"req_ok\"},\"data\":{\"valid\":true,\"code\":\"VALID\"}}";

  HostileClients clients;

  @BeforeEach
  void watch() {
    clients = new HostileClients();
  }

  @AfterEach
  void check() throws InterruptedException {
    clients.close();
  }

  static Stream<Arguments> retryAfters() {
    return Stream.of(503, 429)
        .flatMap(
            status ->
                Stream.of("99999999999999999999", "2147483648", "garbage")
                    .flatMap(v -> Stream.of(Mode.values()).map(m -> Arguments.of(status, v, m))));
  }

  static HostileAnswer failing(int status, String retryAfter) {
    return HostileAnswer.json(
            status,
            "{\"meta\":{\"requestId\":\"req_busy\"},\"error\":{\"title\":\"Busy\",\"detail\":\"later\","
                + "\"status\":"
                + status
                + ",\"type\":\"about:blank\"}}")
        .withHeader("Retry-After", retryAfter);
  }

  @ParameterizedTest(name = "{0} Retry-After {1}, {2}")
  @MethodSource("retryAfters")
  void anAbsurdRetryAfterEndsInTheTypedException(int status, String retryAfter, Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      server.otherwise(failing(status, retryAfter));
      UnkeyHttpClient client = clients.client(server, ROOT, b -> b.retryPolicy(retrying(3)));

      UnkeyException e = thrown(mode, client, ClientCall.whoami(API));

      assertThat(e.status()).isEqualTo(status);
      assertThat(e.requestId()).isEqualTo("req_busy");
      assertThat(e)
          .isInstanceOf(
              status == 429 ? RateLimitedException.class : UnexpectedStatusException.class);
      boolean huge = !retryAfter.equals("garbage");
      if (e instanceof RateLimitedException limited) {
        // Clamped to a day, or ignored when unreadable.
        assertThat(limited.retryAfter().isPresent()).isEqualTo(huge);
        limited.retryAfter().ifPresent(d -> assertThat(d).isEqualTo(Duration.ofDays(1)));
      }
      // A clamped wait never fits the budget: one attempt. Garbage leaves the backoff: all three.
      assertThat(server.requestCount()).isEqualTo(huge ? 1 : 3);
      assertNoKey(text(e), ROOT, API);
      assertNoKey(clients.logs(), ROOT, API);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryAfterOfZeroOnA503DoesNotMakeOkHttpReplayACreate(Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      // OkHttp repeats a request answered 503 with Retry-After: 0 unless its body is one-shot.
      server.otherwise(failing(503, "0"));
      UnkeyHttpClient client = clients.client(server, ROOT, b -> b.retryPolicy(retrying(3)));

      UnkeyException e = thrown(mode, client, ClientCall.create());

      assertThat(e).isInstanceOf(UnexpectedStatusException.class);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  static Stream<Arguments> headerFloods() {
    UnaryOperator<HostileAnswer> many = a -> a.withManyHeaders("X-Many", "1", 5_000);
    UnaryOperator<HostileAnswer> long100k = a -> a.withHeader("X-Huge", "v".repeat(100_000));
    UnaryOperator<HostileAnswer> notUtf8 =
        a ->
            a.withRawHeaderLine("X-Bad: \u00ff\u00fe\u00c3(".getBytes(StandardCharsets.ISO_8859_1))
                .withRawHeaderLine(
                    "X-Unkey-Request-Id: req_\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1));
    return Stream.of(
            Arguments.of("5,000 headers", many),
            Arguments.of("a 100 KB value", long100k),
            Arguments.of("invalid UTF-8", notUtf8))
        .flatMap(a -> Stream.of(Mode.values()).map(m -> Arguments.of(a.get()[0], a.get()[1], m)));
  }

  @ParameterizedTest(name = "{0}, {2}")
  @MethodSource("headerFloods")
  void absurdHeadersEndInASuccessOrATypedException(
      String what, UnaryOperator<HostileAnswer> headers, Mode mode) {
    try (HostileServer server = HostileServer.start()) {
      server.enqueue(headers.apply(HostileAnswer.json(200, VALID)));
      server.enqueue(headers.apply(failing(503, "1")));
      UnkeyHttpClient client = clients.client(server, ROOT);

      // Each run ends in a value or an UnkeyException; anything else fails inside run/thrown.
      Verification v = run(mode, client, ClientCall.verify(API));
      UnkeyException e = thrown(mode, client, ClientCall.verify(API));

      assertThat(v.valid()).isTrue();
      assertThat(v.requestId()).isEqualTo("req_ok");
      assertThat(e).isInstanceOf(UnexpectedStatusException.class);
      assertThat(e.status()).isEqualTo(503);
      assertThat(server.requestCount()).isEqualTo(2);
      assertNoKey(text(e), ROOT, API);
      assertNoKey(clients.logs(), ROOT, API);
    }
  }
}
