package dev.keyward.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long {@link UnkeyHttpClient} waits before repeating a failed attempt. Which failures
 * are retried is fixed by {@code Operation.retryClass()}; this policy sets the backoff, the time
 * budget and whether 429 answers are retried.
 *
 * <p>Defaults as Unkey's official SDKs: first wait 50 ms, ×1.5 per attempt, each wait capped at 1
 * s, with jitter; {@code Retry-After} honoured; 10 s budget of wall time from the first attempt;
 * 429 not retried.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final Duration budget;
  private final int maxAttempts;
  private final boolean retryRateLimited;
  private final boolean jitter;

  private RetryPolicy(Builder b) {
    initialBackoff = b.initialBackoff;
    multiplier = b.multiplier;
    maxBackoff = b.maxBackoff;
    budget = b.budget;
    maxAttempts = b.maxAttempts;
    retryRateLimited = b.retryRateLimited;
    jitter = b.jitter;
  }

  /** The defaults described above. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, never a retry. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.initialBackoff = initialBackoff;
    b.multiplier = multiplier;
    b.maxBackoff = maxBackoff;
    b.budget = budget;
    b.maxAttempts = maxAttempts;
    b.retryRateLimited = retryRateLimited;
    b.jitter = jitter;
    return b;
  }

  /**
   * The wait after the {@code attempt}-th failed attempt (1-based), before jitter and Retry-After.
   */
  public Duration backoff(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }

  /** The wait with jitter: between half of {@link #backoff} and all of it. */
  Duration delay(int attempt) {
    long full = backoff(attempt).toMillis();
    if (!jitter || full < 2) {
      return Duration.ofMillis(full);
    }
    long half = full / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
  }

  /** The wall time from the first attempt after which no attempt starts. */
  public Duration budget() {
    return budget;
  }

  /** The most attempts in all (retries plus one). */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Whether HTTP 429 answers are retried (for every operation: a 429 was not applied). */
  public boolean retryRateLimited() {
    return retryRateLimited;
  }

  @Override
  public String toString() {
    return "RetryPolicy{initial="
        + initialBackoff.toMillis()
        + "ms, x"
        + multiplier
        + ", max="
        + maxBackoff.toMillis()
        + "ms, budget="
        + budget.toMillis()
        + "ms, maxAttempts="
        + maxAttempts
        + ", retry429="
        + retryRateLimited
        + ", jitter="
        + jitter
        + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private static final Duration MAX_DURATION = Duration.ofDays(365);

    private Duration initialBackoff = Duration.ofMillis(50);
    private double multiplier = 1.5;
    private Duration maxBackoff = Duration.ofSeconds(1);
    private Duration budget = Duration.ofSeconds(10);
    private int maxAttempts = Integer.MAX_VALUE;
    private boolean retryRateLimited;
    private boolean jitter = true;

    private Builder() {}

    /** The first wait, from 0 to 365 days (default 50 ms). */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
      return this;
    }

    /** The growth factor per attempt, ≥ 1 (default 1.5). */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 1");
      }
      this.multiplier = multiplier;
      return this;
    }

    /** The cap on each wait, from 0 to 365 days (default 1 s). */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
      return this;
    }

    /** The wall-time budget from the first attempt, from 0 to 365 days (default 10 s). */
    public Builder budget(Duration budget) {
      this.budget = nonNegative("budget", budget);
      return this;
    }

    /** The most attempts in all, ≥ 1 (default: as many as the budget allows). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Whether to retry HTTP 429 answers (default false). */
    public Builder retryRateLimited(boolean retryRateLimited) {
      this.retryRateLimited = retryRateLimited;
      return this;
    }

    /** Whether to randomise each wait between half and all of it (default true). */
    public Builder jitter(boolean jitter) {
      this.jitter = jitter;
      return this;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    /** Waits are computed in milliseconds: a year bounds them well within a {@code long}. */
    private static Duration nonNegative(String field, Duration d) {
      Objects.requireNonNull(d, field + " == null");
      if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException(field + " must be between 0 and 365 days");
      }
      return d;
    }
  }
}
