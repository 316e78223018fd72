package dev.keyward.waiters;

import dev.keyward.RateLimitedException;
import dev.keyward.ServerException;
import dev.keyward.Sleeper;
import dev.keyward.TransportException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The loop every waiter runs: call, judge, and either return after {@code streak} target states in
 * a row, throw once the timeout passed, or sleep through the {@link Sleeper} with exponential
 * backoff (no jitter: a waiter makes few calls, and tests assert its sleeps).
 */
final class Poll {
  /** What one call observed: whether it is the awaited state, and a description without a key. */
  record Seen(boolean target, String state, @Nullable Throwable error) {}

  /** One call; it throws to abort the wait. */
  @FunctionalInterface
  interface Probe {
    Seen call();
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration timeout;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final int streak;

  Poll(
      Clock clock,
      Sleeper sleeper,
      Duration timeout,
      Duration initialDelay,
      Duration maxDelay,
      int streak) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.timeout = timeout;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.streak = streak;
  }

  WaitResult until(String awaited, Probe probe) throws InterruptedException {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    Duration delay = initialDelay;
    int polls = 0;
    int run = 0;
    while (true) {
      Instant calledAt = clock.instant();
      Seen seen = probe.call();
      polls++;
      run = seen.target() ? run + 1 : 0;
      Instant now = clock.instant();
      if (run >= streak) {
        return new WaitResult(polls, Duration.between(start, now), seen.state());
      }
      if (!now.isBefore(deadline)) {
        throw new WaiterTimeoutException(
            awaited + " (" + streak + " in a row)",
            seen.state(),
            Duration.between(calledAt, now),
            polls,
            timeout,
            seen.error());
      }
      Duration left = Duration.between(now, deadline);
      sleeper.sleep(left.compareTo(delay) < 0 ? left : delay);
      Duration doubled = delay.multipliedBy(2);
      delay = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }
  }

  /**
   * Failures that say nothing about the key and may pass: they are observed states (and break a
   * streak), never a reason to stop waiting.
   */
  static boolean passing(UnkeyException e) {
    return e instanceof TransportException
        || e instanceof ServerException
        || e instanceof RateLimitedException
        || e instanceof UnexpectedStatusException;
  }

  /** A failure as an observed state: its type, status and request id, never a body or a key. */
  static String describe(UnkeyException e) {
    StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
    if (e.status() != 0) {
      b.append(" HTTP ").append(e.status());
    }
    if (e.requestId() != null) {
      b.append(" (request ").append(e.requestId()).append(')');
    }
    return b.toString();
  }
}
