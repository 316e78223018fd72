package dev.keyward.testing;

import dev.keyward.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when told to, and a {@link Sleeper} whose {@code sleep} advances
 * it at once. Retries, rotation overlap windows and rate-limit windows run instantly in tests.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2025-01-01T00:00:00Z"));
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class TestClock extends Clock implements Sleeper {
  /** The default start: 2025-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@link #DEFAULT_START}, in UTC. */
  public static TestClock create() {
    return at(DEFAULT_START);
  }

  /** A clock at {@code start}, in UTC. */
  public static TestClock at(Instant start) {
    return new TestClock(
        new AtomicReference<>(Objects.requireNonNull(start, "start == null")), ZoneOffset.UTC);
  }

  /** Moves time forward by {@code duration} (not negative) and returns the new instant. */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  /** Sets the time, forwards or backwards. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant == null"));
  }

  /** Advances time by {@code duration} at once instead of waiting. */
  @Override
  public void sleep(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (!duration.isNegative()) {
      advance(duration);
    }
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public long millis() {
    return now.get().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that shares this clock's time. */
  @Override
  public TestClock withZone(ZoneId zone) {
    return new TestClock(now, Objects.requireNonNull(zone, "zone == null"));
  }

  @Override
  public String toString() {
    return "TestClock{" + now.get() + "}";
  }
}
