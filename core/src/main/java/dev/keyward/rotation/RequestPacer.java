package dev.keyward.rotation;

import dev.keyward.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a bulk reroll's next request may go: after any 429 pause, and, when pacing, within at most
 * {@code permits} requests per window. Shared by the run's workers.
 */
final class RequestPacer {
  private final Clock clock;
  private final Sleeper sleeper;
  private final int permits;
  private final Duration window;
  private final Object lock = new Object();
  private Instant pausedUntil = Instant.EPOCH;
  private long windowIndex = Long.MIN_VALUE;
  private int used;
  private volatile long latencyNanos;

  /** {@code permits == 0} means no pacing: only 429 pauses are waited out. */
  RequestPacer(Clock clock, Sleeper sleeper, int permits, Duration window) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.permits = permits;
    this.window = window;
  }

  /**
   * Waits out a 429 pause, then, when pacing, for a free slot: windows aligned to multiples of the
   * window since the epoch (fixed windows like the server's), none sent so late in a window (twice
   * the recent call latency) that it arrives in the next.
   */
  void awaitTurn() throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (lock) {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
          wait = Duration.between(now, pausedUntil);
        } else if (permits == 0) {
          return;
        } else {
          long windowNanos = window.toNanos();
          long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
          long index = Math.floorDiv(nanos, windowNanos);
          long offset = Math.floorMod(nanos, windowNanos);
          if (index != windowIndex) {
            windowIndex = index;
            used = 0;
          }
          long guard = Math.min(windowNanos / 2, 2 * latencyNanos + windowNanos / 20);
          if (used < permits && offset <= windowNanos - guard) {
            used++;
            return;
          }
          wait = Duration.ofNanos(windowNanos - offset + 1);
        }
      }
      sleeper.sleep(wait);
    }
  }

  /**
   * Holds every worker's next request until {@code wait} from now (a 429's {@code Retry-After}).
   */
  void pause(Duration wait) {
    synchronized (lock) {
      Instant until = clock.instant().plus(wait);
      if (until.isAfter(pausedUntil)) {
        pausedUntil = until;
      }
    }
  }

  /** Records how long a call took: the guard at a window's end follows the slowest recent calls. */
  void sampleLatency(Duration took) {
    long sample = took.toNanos();
    latencyNanos = sample > latencyNanos ? sample : (latencyNanos * 15 + sample) / 16;
  }
}
