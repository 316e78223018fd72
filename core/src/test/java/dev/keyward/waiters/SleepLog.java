package dev.keyward.waiters;

import dev.keyward.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock whose sleeps advance it at once and are recorded, in milliseconds. */
final class SleepLog extends Clock implements Sleeper {
  final List<Long> sleeps = new ArrayList<>();
  private Instant now = Instant.parse("2026-05-01T00:00:00Z");

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration.toMillis());
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
