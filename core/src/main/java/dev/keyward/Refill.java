package dev.keyward;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Automatic credit refill: every day, or every month on {@code refillDay} (1..31; months shorter than it
 * refill on their last day).
 */
public record Refill(Interval interval, long amount, @Nullable Integer refillDay) {
  /** How often credits are refilled. */
  public enum Interval {
    /** Every day at midnight UTC. */
    DAILY,
    /** Every month on the refill day. */
    MONTHLY,
    /** A value this version of keyward does not know. */
    UNKNOWN
  }

  /** Validates amount ≥ 1 and refillDay 1..31. */
  public Refill {
    Objects.requireNonNull(interval, "interval == null");
    Constraints.range("refill amount", amount, 1, Long.MAX_VALUE);
    if (refillDay != null) {
      Constraints.range("refillDay", refillDay, 1, 31);
    }
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
