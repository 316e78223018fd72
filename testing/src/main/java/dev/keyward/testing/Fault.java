package dev.keyward.testing;

import dev.keyward.permission.Operation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A failure {@link FakeUnkeyServer} injects into matching requests. In {@link Mode#BEFORE} the
 * request is not applied; in {@link Mode#AFTER} it is applied and then the answer fails, which is
 * what tests of non-idempotent paths need. A 429 is never applied.
 *
 * <pre>{@code
 * server.inject(Fault.serverError(503).after().on(Operation.KEYS_REROLL_KEY).times(1));
 * }</pre>
 */
public final class Fault {
  /** Whether the request is applied before the fault. */
  public enum Mode {
    /** The fault replaces the request: nothing changes on the server. */
    BEFORE,
    /** The request is applied, then the answer fails. */
    AFTER
  }

  /** What goes wrong. */
  public enum Kind {
    /** The answer waits {@link #latency()} before it goes out (the request proceeds normally). */
    LATENCY,
    /** An error status with Unkey's error envelope. */
    STATUS,
    /** HTTP 429 with {@code Retry-After}; never applied. */
    TOO_MANY_REQUESTS,
    /** The connection closes without an answer. */
    DROP,
    /** The answer announces its full length but stops halfway. */
    TRUNCATE
  }

  private final Kind kind;
  private final Mode mode;
  private final int status;
  private final Duration latency;
  private final Duration retryAfter;
  private final double fraction;
  private final int times;
  private final Set<Operation> operations;

  private Fault(
      Kind kind,
      Mode mode,
      int status,
      Duration latency,
      Duration retryAfter,
      double fraction,
      int times,
      Set<Operation> operations) {
    this.kind = kind;
    this.mode = mode;
    this.status = status;
    this.latency = latency;
    this.retryAfter = retryAfter;
    this.fraction = fraction;
    this.times = times;
    this.operations = operations;
  }

  private static Fault of(Kind kind, int status, Duration latency, Duration retryAfter) {
    return new Fault(kind, Mode.BEFORE, status, latency, retryAfter, 1.0, -1, Set.of());
  }

  /** Delays every matching answer by {@code latency}. */
  public static Fault latency(Duration latency) {
    Objects.requireNonNull(latency, "latency == null");
    return of(Kind.LATENCY, 0, latency, Duration.ZERO);
  }

  /** Answers {@code status} (500..599) with Unkey's error envelope. */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 500..599");
    }
    return of(Kind.STATUS, status, Duration.ZERO, Duration.ZERO);
  }

  /** Answers 429 with {@code Retry-After} in whole seconds (rounded up). */
  public static Fault tooManyRequests(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    return of(Kind.TOO_MANY_REQUESTS, 429, Duration.ZERO, retryAfter);
  }

  /** Closes the connection without an answer. */
  public static Fault drop() {
    return of(Kind.DROP, 0, Duration.ZERO, Duration.ZERO);
  }

  /** Sends half the answer body under the full {@code Content-Length}, then closes. */
  public static Fault truncate() {
    return of(Kind.TRUNCATE, 0, Duration.ZERO, Duration.ZERO);
  }

  /** Applies the request first, then fails ({@link Mode#AFTER}); not allowed for 429. */
  public Fault after() {
    if (kind == Kind.TOO_MANY_REQUESTS) {
      throw new IllegalStateException("a 429 is never applied: use BEFORE");
    }
    return new Fault(kind, Mode.AFTER, status, latency, retryAfter, fraction, times, operations);
  }

  /** Fails only a fraction (0..1] of matching requests, chosen at random. */
  public Fault fraction(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1]");
    }
    return new Fault(kind, mode, status, latency, retryAfter, fraction, times, operations);
  }

  /** Fails at most {@code times} requests, then stops. */
  public Fault times(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1");
    }
    return new Fault(kind, mode, status, latency, retryAfter, fraction, times, operations);
  }

  /** Fails only these operations (default: every operation). */
  public Fault on(Operation first, Operation... rest) {
    return new Fault(
        kind, mode, status, latency, retryAfter, fraction, times, EnumSet.of(first, rest));
  }

  /** What goes wrong. */
  public Kind kind() {
    return kind;
  }

  /** BEFORE or AFTER the request is applied. */
  public Mode mode() {
    return mode;
  }

  /** The status for {@link Kind#STATUS} and {@link Kind#TOO_MANY_REQUESTS}. */
  public int status() {
    return status;
  }

  /** The delay for {@link Kind#LATENCY}. */
  public Duration latency() {
    return latency;
  }

  /** The {@code Retry-After} for {@link Kind#TOO_MANY_REQUESTS}. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The fraction of matching requests that fail. */
  public double fraction() {
    return fraction;
  }

  /** How many requests fail at most, or -1 for no limit. */
  public int times() {
    return times;
  }

  /** True if the fault applies to {@code op}. */
  public boolean matches(Operation op) {
    return operations.isEmpty() || operations.contains(op);
  }

  @Override
  public String toString() {
    return "Fault{"
        + kind
        + ", "
        + mode
        + (status != 0 ? ", status=" + status : "")
        + ", fraction="
        + fraction
        + ", times="
        + times
        + ", operations="
        + operations
        + "}";
  }
}
