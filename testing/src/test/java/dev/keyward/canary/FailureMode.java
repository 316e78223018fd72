package dev.keyward.canary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/** How the MockWebServer answers a call: normally (echoing canaries) or by one of the failures. */
enum FailureMode {
  OK_ECHO,
  BAD_REQUEST_400,
  UNAUTHORIZED_401,
  FORBIDDEN_403,
  NOT_FOUND_404,
  CONFLICT_409,
  RATE_LIMITED_429,
  SERVER_ERROR_500,
  PROXY_PAGE_502,
  MALFORMED_JSON,
  TRUNCATED_BODY,
  READ_TIMEOUT,
  CONNECTION_RESET;

  /** The client's read timeout in {@link #READ_TIMEOUT} mode (the throttled body pauses 1 s). */
  static final java.time.Duration SHORT_READ_TIMEOUT = java.time.Duration.ofMillis(300);

  private static final String ERRORS = "https://unkey.com/docs/errors/";

  MockResponse respond(OperationRow row, ClientCanaries k) {
    return respond(row, k, k.echo());
  }

  /** The answer, with {@code echo} in every free-text field a hostile server controls. */
  MockResponse respond(OperationRow row, ClientCanaries k, String echo) {
    switch (this) {
      case OK_ECHO:
        return json(200, "application/json", row.answer());
      case BAD_REQUEST_400:
        return json(
            400,
            "application/problem+json",
            "{\"meta\":{\"requestId\":\"req_e400\"},\"error\":{\"title\":\"Bad Request\","
                + "\"detail\":\""
                + echo
                + "\",\"status\":400,\"type\":\""
                + ERRORS
                + "unkey/application/invalid_input\","
                + "\"errors\":[{\"location\":\"body.key\",\"message\":\""
                + echo
                + "\",\"fix\":\"do not send "
                + k.apiRegistered.value()
                + "\"}]}}");
      case UNAUTHORIZED_401:
        return json(
            401, "application/json", error(401, "unkey/authentication/key_not_found", echo));
      case FORBIDDEN_403:
        return json(
            403,
            "application/json",
            error(
                403,
                "unkey/authorization/insufficient_permissions",
                "Missing one of these permissions: [api.*.create_key] for " + echo));
      case NOT_FOUND_404:
        return json(404, "application/problem+json", error(404, "unkey/data/key_not_found", echo));
      case CONFLICT_409:
        return json(409, "application/json", error(409, "unkey/data/key_already_exists", echo));
      case RATE_LIMITED_429:
        return new MockResponse.Builder()
            .code(429)
            .setHeader("Content-Type", "application/problem+json")
            .setHeader("Retry-After", "0")
            .setHeader("X-Unkey-Request-Id", "req_e429")
            .body(error(429, "user/too_many_requests/query_quota_exceeded", echo))
            .build();
      case SERVER_ERROR_500:
        return json(
            500, "application/json", error(500, "unkey/application/unexpected_error", echo));
      case PROXY_PAGE_502:
        return new MockResponse.Builder()
            .code(502)
            .setHeader("Content-Type", "text/html")
            .body(
                "<html><body>upstream failed for request with Authorization: Bearer "
                    + k.root.value()
                    + "<br>"
                    + echo
                    + "</body></html>")
            .build();
      case MALFORMED_JSON:
        String answer = row.answer();
        return json(
            200,
            "application/json",
            answer.substring(0, answer.length() - 1) + ",\"detail\":\"" + echo + "\" ]]");
      case TRUNCATED_BODY:
        return truncated(row.answer(), k);
      case READ_TIMEOUT:
        // the first bytes arrive, then the body stalls past the client's read timeout
        return new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(row.answer())
            .throttleBody(Math.min(48, row.answer().length() / 2), 1, TimeUnit.SECONDS)
            .build();
      case CONNECTION_RESET:
        return new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build();
      default:
        throw new AssertionError(this);
    }
  }

  /** Whether the call is expected to come back with a value. */
  boolean succeeds() {
    return this == OK_ECHO;
  }

  static String error(int status, String type, String detail) {
    return "{\"meta\":{\"requestId\":\"req_e"
        + status
        + "\"},\"error\":{\"title\":\"t\",\"detail\":\""
        + detail
        + "\",\"status\":"
        + status
        + ",\"type\":\""
        + ERRORS
        + type
        + "\"}}";
  }

  private static MockResponse json(int status, String type, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", type)
        .setHeader("X-Unkey-Request-Id", "req_canary")
        // a hostile server echoes keys in headers too: response metadata must not show them
        .setHeader("X-Echo", ECHO_HEADER)
        .setHeader("RateLimit", "limit=10, remaining=3, reset=7")
        .body(body)
        .build();
  }

  /** Every canary, set by {@link HttpClientCanaryTest} (headers cannot be per-call here). */
  static volatile String ECHO_HEADER = "none";

  /**
   * Announces the whole answer but stops in the middle of the first canary it echoes (or halfway),
   * then closes the connection: the client holds part of a key.
   */
  private static MockResponse truncated(String answer, ClientCanaries k) {
    int cut = answer.length() / 2;
    for (Canary c : k.all()) {
      int i = answer.indexOf(c.value());
      if (i >= 0) {
        cut = i + c.secret().start().length() + Canary.FRAGMENT + 2;
        break;
      }
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    int sent = Math.min(cut, bytes.length - 1);
    MockResponseBody body =
        new MockResponseBody() {
          @Override
          public long getContentLength() {
            return bytes.length;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes, 0, sent);
            sink.flush();
          }
        };
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Unkey-Request-Id", "req_canary")
        .body(body)
        .setHeader("Content-Length", bytes.length)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }
}
