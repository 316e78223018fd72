package dev.keyward.rotation;

import dev.keyward.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A point in time read from a {@link Clock}, waited for through a {@link Sleeper}. */
final class Deadline {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Instant at;

  Deadline(Clock clock, Sleeper sleeper, Duration within) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.at = clock.instant().plus(within);
  }

  boolean passed() {
    return !clock.instant().isBefore(at);
  }

  void pause(Duration interval) throws InterruptedException {
    Duration left = Duration.between(clock.instant(), at);
    sleeper.sleep(left.compareTo(interval) < 0 && !left.isNegative() ? left : interval);
  }
}
