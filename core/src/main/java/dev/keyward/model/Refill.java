package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Automatic credit refill: every day, or every month on {@code refillDay} (1..31; months shorter
 * than it refill on their last day). {@code rawInterval} keeps the wire value, which matters when a
 * newer server sends an interval this version does not know ({@link Interval#UNKNOWN}).
 */
public record Refill(
    Interval interval, long amount, @Nullable Integer refillDay, String rawInterval) {
  /** How often credits are refilled. */
  public enum Interval {
    /** Every day at midnight UTC. */
    DAILY,
    /** Every month on the refill day. */
    MONTHLY,
    /** A value this version of keyward does not know; {@link Refill#rawInterval()} has it. */
    UNKNOWN;

    /** The value on the wire, e.g. {@code daily}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Maps a wire value, keeping unknown ones open. */
    public static Interval fromWire(String value) {
      for (Interval i : values()) {
        if (i != UNKNOWN && i.wireName().equals(value)) {
          return i;
        }
      }
      return UNKNOWN;
    }
  }

  /** Validates amount ≥ 1 and refillDay 1..31. */
  public Refill {
    Constraints.notNull("interval", interval);
    Constraints.notNull("rawInterval", rawInterval);
    Constraints.range("refill amount", amount, 1, Long.MAX_VALUE);
    if (refillDay != null) {
      Constraints.range("refillDay", refillDay, 1, 31);
    }
  }

  /** A refill with a known interval; {@code rawInterval} is its wire name. */
  public Refill(Interval interval, long amount, @Nullable Integer refillDay) {
    this(interval, amount, refillDay, Constraints.notNull("interval", interval).wireName());
  }

  /**
   * A refill decoded from the wire: an unknown interval becomes {@link Interval#UNKNOWN}, keeping
   * the raw value.
   */
  public static Refill fromWire(String interval, long amount, @Nullable Integer refillDay) {
    Constraints.notNull("interval", interval);
    return new Refill(Interval.fromWire(interval), amount, refillDay, interval);
  }

  /** Refills {@code amount} every day. */
  public static Refill daily(long amount) {
    return new Refill(Interval.DAILY, amount, null);
  }

  /** Refills {@code amount} every month on {@code day}. */
  public static Refill monthly(long amount, int day) {
    return new Refill(Interval.MONTHLY, amount, day);
  }
}
