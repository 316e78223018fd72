package dev.keyward;

import java.time.Duration;

/**
 * Waits. Retries, polling and rotation overlap windows wait through this seam so tests run
 * instantly.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper: {@link Thread#sleep}. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
