package dev.keyward.http;

import dev.keyward.permission.Operation;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Observes calls of an {@link UnkeyHttpClient} for metrics and tracing. Methods run on the calling
 * thread (or OkHttp's dispatcher for async calls) and should return quickly; an exception thrown
 * here is logged and ignored. Nothing passed here is secret.
 */
public interface EventListener {
  /** A listener that does nothing. */
  EventListener NONE = new EventListener() {};

  /** A call of {@code operation} starts (before its first attempt). */
  default void callStart(Operation operation) {}

  /**
   * Attempt {@code attempt} (1-based) failed with HTTP {@code status} (0 when no response arrived)
   * and will be retried after {@code delay}.
   */
  default void attemptFailed(
      Operation operation, int attempt, int status, @Nullable String requestId, Duration delay) {}

  /**
   * A call ended, successfully or not: the last status (0 when no response arrived), the server's
   * request id if any, the latency from the start of the first attempt, and the number of attempts.
   */
  default void callEnd(
      Operation operation,
      int status,
      @Nullable String requestId,
      Duration latency,
      int attempts) {}
}
