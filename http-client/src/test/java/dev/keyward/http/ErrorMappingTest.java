package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.BadRequestException;
import dev.keyward.ConflictException;
import dev.keyward.ForbiddenException;
import dev.keyward.GoneException;
import dev.keyward.InsufficientPermissionsException;
import dev.keyward.NotFoundException;
import dev.keyward.PreconditionFailedException;
import dev.keyward.RateLimitedException;
import dev.keyward.ServerException;
import dev.keyward.TransportException;
import dev.keyward.UnauthorizedException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.permission.PermissionQuery;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
  static final Secret ROOT = UnkeyHttpClientTest.ROOT;
  static final String ECHO = "sk_echoedSecretValue99";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  ValidatingDispatcher answers;
  UnkeyHttpClient client;

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(ROOT)
            .clock(time)
            .sleeper(time)
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void validated() {
    if (answers != null) { // null when a missing spec skipped the test in setUp
      answers.assertValid();
    }
  }

  static String error(int status, String type, String detail) {
    return "{\"meta\":{\"requestId\":\"req_e"
        + status
        + "\"},\"error\":{\"title\":\"t\",\"detail\":\""
        + detail
        + "\",\"status\":"
        + status
        + ",\"type\":\""
        + type
        + "\"}}";
  }

  static Stream<Arguments> statuses() {
    String base = "https://unkey.com/docs/errors/";
    return Stream.of(
        Arguments.of(
            400,
            "application/json",
            "{\"meta\":{\"requestId\":\"req_e400\"},\"error\":{\"title\":\"Bad Request\","
                + "\"detail\":\""
                + ECHO
                + "\",\"status\":400,\"type\":\""
                + base
                + "unkey/application/invalid_input\",\"errors\":[{\"location\":\"body.apiId\",\"message\":\"bad\",\"fix\":\"use"
                + " api_\"}]}}",
            BadRequestException.class,
            true),
        Arguments.of(
            401,
            "application/json",
            error(401, base + "unkey/authentication/key_not_found", ECHO),
            UnauthorizedException.class,
            true),
        Arguments.of(
            403,
            "application/json",
            error(403, base + "unkey/authorization/key_disabled", ECHO),
            ForbiddenException.class,
            true),
        Arguments.of(
            404,
            "application/json",
            error(404, base + "unkey/data/api_not_found", ECHO),
            NotFoundException.class,
            true),
        Arguments.of(
            409,
            "application/json",
            error(409, base + "unkey/data/key_already_exists", ECHO),
            ConflictException.class,
            false),
        Arguments.of(
            410, "application/json", error(410, "about:blank", ECHO), GoneException.class, false),
        Arguments.of(
            412,
            "application/json",
            error(412, "about:blank", ECHO),
            PreconditionFailedException.class,
            false),
        Arguments.of(
            429,
            "application/problem+json",
            error(429, base + "user/too_many_requests/query_quota_exceeded", ECHO),
            RateLimitedException.class,
            true),
        Arguments.of(
            500,
            "application/json",
            error(500, base + "unkey/application/unexpected_error", ECHO),
            ServerException.class,
            true),
        Arguments.of(
            503,
            "application/json",
            error(503, "about:blank", ECHO),
            UnexpectedStatusException.class,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statuses")
  void eachStatusMapsToItsException(
      int status,
      String contentType,
      String body,
      Class<? extends UnkeyException> type,
      boolean inSpec) {
    if (!inSpec) {
      answers.skipResponseValidation(); // keys.createKey's spec lists no such status
    }
    answers.enqueue(new ValidatingDispatcher.Canned(status, contentType, body, java.util.Map.of()));
    assertThatThrownBy(() -> client.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isExactlyInstanceOf(type)
        .isInstanceOfSatisfying(
            UnkeyException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.requestId()).isEqualTo("req_e" + status);
              assertThat(e.detail()).isEqualTo(ECHO);
              assertThat(e.getMessage())
                  .contains("keys.createKey", String.valueOf(status), "req_e" + status)
                  .doesNotContain(ECHO)
                  .doesNotContain(ROOT.reveal());
            });
  }

  @Test
  void badRequestKeepsValidationErrors() {
    answers.enqueue(
        400,
        "{\"meta\":{\"requestId\":\"req_b\"},\"error\":{\"title\":\"Bad Request\",\"detail\":\"d\","
            + "\"status\":400,\"type\":\"https://unkey.com/docs/errors/unkey/application/invalid_input\",\"errors\":[{\"location\":\"body.apiId\",\"message\":\"too"
            + " short\",\"fix\":\"use api_\"}]}}");
    assertThatThrownBy(() -> client.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.errors())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.location()).isEqualTo("body.apiId");
                        assertThat(v.fix()).isEqualTo("use api_");
                      });
            });
  }

  @Test
  void typeWinsOverStatus() {
    answers.enqueue(
        403,
        error(
            403,
            "https://unkey.com/docs/api-reference/errors-v2/unkey/authorization/insufficient_permissions",
            "The authenticated API key does not have permission to perform this operation"));
    assertThatThrownBy(() -> client.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOfSatisfying(
            InsufficientPermissionsException.class, e -> assertThat(e.missing()).isPresent());
  }

  @Test
  void insufficientPermissionsReadsMissingPermissionsFromTheDetail() {
    answers.enqueue(
        403,
        error(
            403,
            "https://unkey.com/docs/errors/unkey/authorization/insufficient_permissions",
            "Missing one of these permissions: [api.*.create_key, api.api_123.create_key]"));
    assertThatThrownBy(() -> client.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOfSatisfying(
            InsufficientPermissionsException.class,
            e ->
                assertThat(e.requireMissing())
                    .isEqualTo(
                        PermissionQuery.parse("api.*.create_key OR api.api_123.create_key")));
  }

  @Test
  void maskedNotFoundOfCreateKeyExplainsUnkeysMasking() {
    answers.enqueue(
        404, error(404, "https://unkey.com/docs/errors/unkey/data/api_not_found", "not found"));
    assertThatThrownBy(() -> client.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("may not act on it");
  }

  @Test
  void rateLimitedKeepsRetryAfter() {
    answers.enqueue(
        new ValidatingDispatcher.Canned(
                429,
                "application/problem+json",
                error(429, "https://unkey.com/docs/errors/user/too_many_requests/x", "slow down"),
                java.util.Map.of())
            .header("Retry-After", "7"));
    assertThatThrownBy(() -> client.keys().verify("sk_any12345678"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void malformedJsonIsATypedErrorWithoutTheBody() {
    answers.skipResponseValidation();
    answers.enqueue(
        new ValidatingDispatcher.Canned(
                200,
                "application/json",
                "{\"meta\":{\"requestId\":\"req_m\"},\"data\":{\"keyId\":\"" + ECHO,
                java.util.Map.of())
            .header("X-Unkey-Request-Id", "req_hdr"));
    assertThatThrownBy(() -> client.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOfSatisfying(
            UnexpectedStatusException.class,
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.requestId()).isEqualTo("req_hdr");
              assertThat(e.getMessage()).doesNotContain(ECHO);
              for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(ECHO);
              }
            });
  }

  @Test
  void missingRequiredFieldIsATypedError() {
    answers.skipResponseValidation();
    answers.enqueue(200, "{\"meta\":{\"requestId\":\"req_f\"},\"data\":{\"keyId\":\"key_1\"}}");
    assertThatThrownBy(() -> client.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOf(UnexpectedStatusException.class)
        .hasMessageContaining("HTTP 200");
  }

  @Test
  void emptyBodyIsATypedError() {
    answers.skipResponseValidation();
    answers.enqueue(200, "");
    assertThatThrownBy(() -> client.keys().verify("sk_any12345678"))
        .isInstanceOf(UnexpectedStatusException.class);
  }

  @Test
  void emptyErrorBodyStillMapsByStatus() {
    answers.skipResponseValidation();
    answers.enqueue(401, "");
    assertThatThrownBy(() -> client.keys().verify("sk_any12345678"))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void wrongContentTypeIsATypedError() {
    answers.skipResponseValidation();
    answers.enqueue(
        new ValidatingDispatcher.Canned(
            200, "text/html", "<html>proxy login</html>", java.util.Map.of()));
    assertThatThrownBy(() -> client.keys().verify("sk_any12345678"))
        .isInstanceOf(UnexpectedStatusException.class)
        .hasMessageContaining("content type");
  }

  @Test
  void htmlErrorPageFromAProxyMapsByStatus() {
    answers.skipResponseValidation();
    answers.enqueue(
        new ValidatingDispatcher.Canned(
            502, "text/html", "<html>bad gateway</html>", java.util.Map.of()));
    assertThatThrownBy(() -> client.keys().verify("sk_any12345678"))
        .isInstanceOf(ServerException.class);
  }

  @Test
  void slowBodyPastTheReadTimeoutIsAnUnknownOutcome() {
    server.setDispatcher(new mockwebserver3.QueueDispatcher());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(
                "{\"meta\":{\"requestId\":\"req_s\"},\"data\":{\"valid\":true,\"code\":\"VALID\"}}")
            .bodyDelay(2, TimeUnit.SECONDS)
            .build());
    UnkeyHttpClient slow =
        client.withOptions(RequestOptions.builder().readTimeout(Duration.ofMillis(200)).build());
    assertThatThrownBy(() -> slow.keys().verify("sk_any12345678"))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcome()).isEqualTo(TransportException.Outcome.UNKNOWN);
              assertThat(e.getMessage()).contains("may or may not have been applied");
            });
  }

  @Test
  void attemptPastTheCallTimeoutIsATimeoutNotACancellation() {
    server.setDispatcher(new mockwebserver3.QueueDispatcher());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(
                "{\"meta\":{\"requestId\":\"req_s\"},\"data\":{\"valid\":true,\"code\":\"VALID\"}}")
            .headersDelay(3, TimeUnit.SECONDS)
            .build());
    UnkeyHttpClient slow =
        client.withOptions(
            RequestOptions.builder()
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofMillis(300))
                .build());
    long start = System.nanoTime();
    assertThatThrownBy(() -> slow.keys().verify("sk_any12345678"))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcome()).isEqualTo(TransportException.Outcome.UNKNOWN);
              assertThat(e.getMessage()).doesNotContain("cancelled");
              assertThat(e.getCause()).hasMessage("call timeout");
            });
    // Well before the 3 s answer: the deadline cut the attempt (within its 100 ms tick).
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void connectionResetIsAnUnknownOutcome() {
    server.setDispatcher(new mockwebserver3.QueueDispatcher());
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    assertThatThrownBy(() -> client.keys().create(CreateKeyRequest.builder("api_123").build()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.outcome()).isEqualTo(TransportException.Outcome.UNKNOWN);
              assertThat(e.getMessage()).doesNotContain(ROOT.reveal());
            });
  }
}
