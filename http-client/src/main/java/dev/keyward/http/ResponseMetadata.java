package dev.keyward.http;

import dev.keyward.ResponseInfo;
import dev.keyward.UnkeyException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One call's last response, as {@link UnkeyHttpClient} saw it: status, headers (without {@code
 * Authorization}, cookies or any header carrying a key), request id, attempts, total time and the
 * announced rate limit. Failed calls carry it on their exception ({@link #of(UnkeyException)});
 * successful ones hand it to {@link RequestOptions.Builder#onResponse} and to {@link
 * CallInterceptor#afterCall}.
 *
 * <pre>{@code
 * UnkeyHttpClient c = client.withOptions(
 *     RequestOptions.builder().onResponse(m -> log.info("remaining {}", m.rateLimit())).build());
 * }</pre>
 */
public final class ResponseMetadata implements ResponseInfo {
  private final int status;
  private final Map<String, List<String>> headers;
  private final @Nullable String requestId;
  private final int attempts;
  private final Duration totalTime;
  private final Optional<RateLimitStatus> rateLimit;

  ResponseMetadata(
      int status,
      Map<String, List<String>> headers,
      @Nullable String requestId,
      int attempts,
      Duration totalTime,
      Optional<RateLimitStatus> rateLimit) {
    this.status = status;
    this.headers = headers;
    this.requestId = requestId;
    this.attempts = attempts;
    this.totalTime = totalTime;
    this.rateLimit = rateLimit;
  }

  /** The metadata {@link UnkeyHttpClient} attached to {@code failure}, if it threw it. */
  public static Optional<ResponseMetadata> of(UnkeyException failure) {
    Objects.requireNonNull(failure, "failure == null");
    return failure
        .response()
        .filter(ResponseMetadata.class::isInstance)
        .map(ResponseMetadata.class::cast);
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name} (any case), if shown. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public @Nullable String requestId() {
    return requestId;
  }

  @Override
  public int attempts() {
    return attempts;
  }

  @Override
  public Duration totalTime() {
    return totalTime;
  }

  /** The rate limit the last response announced, if any. */
  public Optional<RateLimitStatus> rateLimit() {
    return rateLimit;
  }

  /** Status, request id, attempts, total time and header names; never a header value. */
  @Override
  public String toString() {
    return "ResponseMetadata{status="
        + status
        + ", requestId="
        + requestId
        + ", attempts="
        + attempts
        + ", totalTime="
        + totalTime
        + ", headers="
        + headers.keySet()
        + ", rateLimit="
        + rateLimit.map(RateLimitStatus::toString).orElse("none")
        + "}";
  }
}
