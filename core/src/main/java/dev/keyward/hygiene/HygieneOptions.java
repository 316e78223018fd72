package dev.keyward.hygiene;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link KeyHygiene#scan} judges a workspace: the root-key rotation period, the clock that
 * "older than" reads, which checks run, and the page size of its list calls.
 *
 * <pre>{@code
 * HygieneOptions options = HygieneOptions.builder()
 *     .rotationPeriod(Duration.ofDays(30))
 *     .only(Finding.Kind.API_KEY_WITHOUT_EXPIRY, Finding.Kind.ROOT_KEY_PAST_ROTATION_PERIOD)
 *     .build();
 * }</pre>
 */
public final class HygieneOptions {
  /** The rotation period unless one is set: 90 days. */
  public static final Duration DEFAULT_ROTATION_PERIOD = Duration.ofDays(90);

  private final Duration rotationPeriod;
  private final Clock clock;
  private final Set<Finding.Kind> checks;
  private final int pageSize;

  private HygieneOptions(Builder b) {
    rotationPeriod = b.rotationPeriod;
    clock = b.clock;
    checks = Collections.unmodifiableSet(EnumSet.copyOf(b.checks));
    pageSize = b.pageSize;
  }

  /** Every check, a 90-day rotation period, the system clock (UTC) and pages of 100. */
  public static HygieneOptions defaults() {
    return builder().build();
  }

  /** Starts options with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Root keys created longer ago than this are reported. */
  public Duration rotationPeriod() {
    return rotationPeriod;
  }

  /** The clock that "now" is read from. */
  public Clock clock() {
    return clock;
  }

  /** The kinds of finding to look for (unmodifiable). */
  public Set<Finding.Kind> checks() {
    return checks;
  }

  /** Items per page of {@code apis.listKeys} and {@code rootKeys.listRootKeys}, 1..100. */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public String toString() {
    return "HygieneOptions{rotationPeriod="
        + rotationPeriod
        + ", checks="
        + checks
        + ", pageSize="
        + pageSize
        + "}";
  }

  /** Builds {@link HygieneOptions}. */
  public static final class Builder {
    private Duration rotationPeriod = DEFAULT_ROTATION_PERIOD;
    private Clock clock = Clock.systemUTC();
    private Set<Finding.Kind> checks = EnumSet.allOf(Finding.Kind.class);
    private int pageSize = 100;

    Builder() {}

    /** Root keys created longer ago than {@code rotationPeriod} (positive) are reported. */
    public Builder rotationPeriod(Duration rotationPeriod) {
      Objects.requireNonNull(rotationPeriod, "rotationPeriod == null");
      if (rotationPeriod.isNegative() || rotationPeriod.isZero()) {
        throw new IllegalArgumentException("rotationPeriod must be positive");
      }
      this.rotationPeriod = rotationPeriod;
      return this;
    }

    /** The clock that "now" is read from (a {@code TestClock} in tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Runs only these checks (at least one). */
    public Builder only(Finding.Kind first, Finding.Kind... rest) {
      Objects.requireNonNull(first, "first == null");
      Objects.requireNonNull(rest, "rest == null");
      EnumSet<Finding.Kind> set = EnumSet.of(first);
      for (Finding.Kind kind : rest) {
        set.add(Objects.requireNonNull(kind, "checks must not hold null"));
      }
      this.checks = set;
      return this;
    }

    /** Runs every check except these. */
    public Builder skip(Finding.Kind... kinds) {
      Objects.requireNonNull(kinds, "kinds == null");
      EnumSet<Finding.Kind> set = EnumSet.allOf(Finding.Kind.class);
      set.removeAll(Arrays.asList(kinds));
      if (set.isEmpty()) {
        throw new IllegalArgumentException("skip must leave at least one check");
      }
      this.checks = set;
      return this;
    }

    /** Items per page of the list calls, 1..100 (default 100). */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100) {
        throw new IllegalArgumentException("pageSize must be 1..100");
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Builds the options. */
    public HygieneOptions build() {
      return new HygieneOptions(this);
    }
  }
}
