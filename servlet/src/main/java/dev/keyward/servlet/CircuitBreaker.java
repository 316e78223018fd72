package dev.keyward.servlet;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A lock-free circuit breaker: after {@code threshold} consecutive failures it opens; once {@code
 * intervalMillis} has passed it lets exactly one probe through (half-open) and refuses everyone
 * else; the probe's success closes it, its failure opens it again. A probe that never reports is
 * replaced by a new one after another interval, so at most one probe starts per interval.
 */
final class CircuitBreaker {
  /** What a caller may do. */
  enum Permit {
    /** Closed: call Unkey. */
    CALL,
    /** Half-open and this caller won the probe: call Unkey and report. */
    PROBE,
    /** Open, or half-open with a probe in flight: do not call. */
    REFUSE
  }

  /** Immutable state; transitions replace it with compareAndSet. */
  private static final class State {
    final CircuitState circuit;
    final int failures;
    final long sinceMillis;

    State(CircuitState circuit, int failures, long sinceMillis) {
      this.circuit = circuit;
      this.failures = failures;
      this.sinceMillis = sinceMillis;
    }
  }

  private static final State CLOSED = new State(CircuitState.CLOSED, 0, 0);

  private final AtomicReference<State> state = new AtomicReference<>(CLOSED);
  private final int threshold;
  private final long intervalMillis;
  private final Clock clock;
  private final Consumer<CircuitState> onTransition;

  CircuitBreaker(
      int threshold, long intervalMillis, Clock clock, Consumer<CircuitState> onTransition) {
    this.threshold = threshold;
    this.intervalMillis = intervalMillis;
    this.clock = clock;
    this.onTransition = onTransition;
  }

  CircuitState state() {
    return state.get().circuit;
  }

  Permit acquire() {
    while (true) {
      State s = state.get();
      if (s.circuit == CircuitState.CLOSED) {
        return Permit.CALL;
      }
      long now = clock.millis();
      if (now - s.sinceMillis < intervalMillis) {
        return Permit.REFUSE;
      }
      // Open long enough, or a probe that never reported: one caller wins the next probe.
      if (state.compareAndSet(s, new State(CircuitState.HALF_OPEN, s.failures, now))) {
        if (s.circuit != CircuitState.HALF_OPEN) {
          onTransition.accept(CircuitState.HALF_OPEN);
        }
        return Permit.PROBE;
      }
    }
  }

  /** Unkey answered (whatever it answered). */
  void success() {
    while (true) {
      State s = state.get();
      if (s == CLOSED) {
        return;
      }
      if (state.compareAndSet(s, CLOSED)) {
        if (s.circuit != CircuitState.CLOSED) {
          onTransition.accept(CircuitState.CLOSED);
        }
        return;
      }
    }
  }

  /** Unkey could not answer: a transport failure, a timeout or a 5xx. */
  void failure() {
    while (true) {
      State s = state.get();
      State next;
      if (s.circuit == CircuitState.CLOSED) {
        int failures = s.failures + 1;
        next =
            failures >= threshold
                ? new State(CircuitState.OPEN, failures, clock.millis())
                : new State(CircuitState.CLOSED, failures, 0);
      } else if (s.circuit == CircuitState.HALF_OPEN) {
        next = new State(CircuitState.OPEN, s.failures + 1, clock.millis());
      } else {
        return; // already open: a late failure does not extend the interval
      }
      if (state.compareAndSet(s, next)) {
        if (next.circuit != s.circuit) {
          onTransition.accept(next.circuit);
        }
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "CircuitBreaker{" + state() + ", threshold=" + threshold + "}";
  }
}
