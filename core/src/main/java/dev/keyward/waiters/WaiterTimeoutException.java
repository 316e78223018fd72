package dev.keyward.waiters;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A waiter's condition did not hold before its timeout. The message names what was awaited, the
 * timeout, the number of calls and the last observed state with how long ago it was seen, never a
 * key; the cause is the last call's exception, if the last call failed.
 */
public class WaiterTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was awaited, e.g. {@code revocation of an API key}. */
  private final String awaited;

  /** The state the last call observed, e.g. {@code VALID} or {@code ServerException HTTP 503}. */
  private final String lastState;

  /** The calls made. */
  private final int polls;

  /** How long the waiter waited. */
  private final Duration timeout;

  /**
   * Creates the exception; {@code awaited} and {@code lastState} are keyward's fixed texts, never
   * an input value.
   */
  public WaiterTimeoutException(
      String awaited,
      String lastState,
      Duration lastSeenAgo,
      int polls,
      Duration timeout,
      @Nullable Throwable cause) {
    super(message(awaited, lastState, lastSeenAgo, polls, timeout), cause);
    this.awaited = awaited;
    this.lastState = lastState;
    this.polls = polls;
    this.timeout = timeout;
  }

  private static String message(
      String awaited, String lastState, Duration ago, int polls, Duration timeout) {
    Objects.requireNonNull(awaited, "awaited == null");
    Objects.requireNonNull(lastState, "lastState == null");
    Objects.requireNonNull(ago, "lastSeenAgo == null");
    Objects.requireNonNull(timeout, "timeout == null");
    return "timed out after "
        + seconds(timeout)
        + " ("
        + polls
        + (polls == 1 ? " call" : " calls")
        + ") awaiting "
        + awaited
        + "; last seen: "
        + lastState
        + ", "
        + seconds(ago)
        + " ago";
  }

  private static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0
        ? (millis / 1000) + " s"
        : String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0);
  }

  /** What was awaited, e.g. {@code revocation of an API key}. */
  public String awaited() {
    return awaited;
  }

  /** The state the last call observed, e.g. {@code VALID} or {@code ServerException HTTP 503}. */
  public String lastState() {
    return lastState;
  }

  /** The calls made before the timeout. */
  public int polls() {
    return polls;
  }

  /** The timeout that passed. */
  public Duration timeout() {
    return timeout;
  }
}
