package dev.keyward.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of one attempt's response for {@link CallInterceptor#afterAttempt}: status,
 * headers without any that carry a key, the checked request id and the attempt's duration. The body
 * is not shown: the call's typed result reaches {@link CallInterceptor#afterCall}.
 */
public final class ResponseView {
  private final int status;
  private final Map<String, List<String>> headers;
  private final @Nullable String requestId;
  private final Duration duration;

  ResponseView(
      int status,
      Map<String, List<String>> headers,
      @Nullable String requestId,
      Duration duration) {
    this.status = status;
    this.headers = headers;
    this.requestId = requestId;
    this.duration = duration;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The headers (names lower-cased) without cookies or any value holding a key. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The server's request id ({@code X-Unkey-Request-Id}), if it sent a well-formed one. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** From sending the request to the response headers. */
  public Duration duration() {
    return duration;
  }

  /** Status, request id, duration and header names; never a header value. */
  @Override
  public String toString() {
    return "ResponseView{status="
        + status
        + ", requestId="
        + requestId
        + ", duration="
        + duration
        + ", headers="
        + headers.keySet()
        + "}";
  }
}
