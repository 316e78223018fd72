package dev.keyward.rotation;

import dev.keyward.Sleeper;
import dev.keyward.Unkey;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A bulk reroll of an API's keys; see {@link ApiKeyRotation#bulk}. A re-run with the same journal
 * continues the unfinished plan: finished keys are skipped and none is rerolled twice.
 */
public final class BulkReroll {
  /** The shortest wait after a 429, so that {@code Retry-After: 0} cannot make the run spin. */
  static final Duration MIN_RATE_LIMIT_WAIT = Duration.ofMillis(100);

  final Unkey unkey;
  final String apiId;
  final Predicate<KeyInfo> filter;
  final @Nullable String externalId;
  final Duration grace;
  final int concurrency;
  final int maxAttempts;
  final RotationJournal journal;
  final ApiKeyRotation.NewKeyConsumer onNewKey;
  final Consumer<RerollProgress> progress;
  final Clock clock;
  final Sleeper sleeper;
  final int pacePermits;
  final Duration paceWindow;
  final Duration maxRateLimitWait;
  final boolean freshPlan;

  private BulkReroll(Builder b) {
    unkey = b.unkey;
    apiId = b.apiId;
    filter = b.filter;
    externalId = b.externalId;
    grace = b.grace;
    concurrency = b.concurrency;
    maxAttempts = b.maxAttempts;
    if (b.journal == null) {
      throw new IllegalStateException("journal is required");
    }
    if (b.onNewKey == null) {
      throw new IllegalStateException(
          "onNewKey is required: the successors' secrets go nowhere else");
    }
    journal = b.journal;
    onNewKey = b.onNewKey;
    progress = b.progress;
    clock = b.clock;
    sleeper = b.sleeper;
    pacePermits = b.pacePermits;
    paceWindow = b.paceWindow;
    maxRateLimitWait = b.maxRateLimitWait;
    freshPlan = b.freshPlan;
  }

  /**
   * Rerolls every selected key that has no successor yet, and returns what happened. Keys that fail
   * are listed in the report; run again to retry them.
   *
   * @throws RotationException if the plan cannot start or its journal fails
   */
  public BulkRerollReport run() {
    return new BulkRerollRun(this).run();
  }

  /** Builds a {@link BulkReroll}. */
  public static final class Builder {
    private final Unkey unkey;
    private final String apiId;
    private Predicate<KeyInfo> filter = k -> true;
    private @Nullable String externalId;
    private Duration grace = Duration.ZERO;
    private int concurrency = 4;
    private int maxAttempts = 5;
    private @Nullable RotationJournal journal;
    private ApiKeyRotation.@Nullable NewKeyConsumer onNewKey;
    private Consumer<RerollProgress> progress = p -> {};
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private int pacePermits;
    private Duration paceWindow = Duration.ZERO;
    private Duration maxRateLimitWait = Duration.ofMinutes(10);
    private boolean freshPlan;

    Builder(Unkey unkey, String apiId) {
      this.unkey = Objects.requireNonNull(unkey, "unkey == null");
      this.apiId = Objects.requireNonNull(apiId, "apiId == null");
    }

    /** Selects only keys this predicate accepts (combined with the other selectors). */
    public Builder filter(Predicate<KeyInfo> filter) {
      this.filter = this.filter.and(Objects.requireNonNull(filter, "filter == null"));
      return this;
    }

    /** Selects only keys created before {@code instant}. */
    public Builder createdBefore(Instant instant) {
      Objects.requireNonNull(instant, "instant == null");
      return filter(k -> k.createdAt().isBefore(instant));
    }

    /** Selects only keys of the identity with this external id (filtered by the server). */
    public Builder externalId(String externalId) {
      this.externalId = Objects.requireNonNull(externalId, "externalId == null");
      return this;
    }

    /** Selects only keys whose {@code meta} holds {@code name} with this value. */
    public Builder meta(String name, Object value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      return filter(k -> value.equals(k.meta().get(name)));
    }

    /** How long each old key stays valid after its reroll (default zero: revoked at once). */
    public Builder grace(Duration grace) {
      Objects.requireNonNull(grace, "grace == null");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("grace must not be negative");
      }
      this.grace = grace;
      return this;
    }

    /** How many rerolls run at once, 1..64 (default 4). */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 64) {
        throw new IllegalArgumentException("concurrency must be 1..64");
      }
      this.concurrency = concurrency;
      return this;
    }

    /** How many times one key is tried in a run, 1..100 (default 5); 429s do not count. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts must be 1..100");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sends at most {@code permits} requests per {@code window} (windows aligned to multiples of
     * the window since the epoch, as fixed-window limits are), to stay under a known rate limit
     * rather than wait out 429s (default: no pacing; 429 {@code Retry-After} is honoured either
     * way).
     */
    public Builder pace(int permits, Duration window) {
      if (permits < 1) {
        throw new IllegalArgumentException("permits must be at least 1");
      }
      Objects.requireNonNull(window, "window == null");
      if (window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("window must be positive");
      }
      this.pacePermits = permits;
      this.paceWindow = window;
      return this;
    }

    /**
     * How long the run waits out 429 answers for one key in all (its rerolls, or one recovery call)
     * before it reports the key failed, to be retried by a re-run (default 10 minutes). Each wait
     * is the answer's {@code Retry-After} (one second if absent), at least 100 ms; a wait that
     * would pass this bound is not made. Zero gives up at the first 429.
     */
    public Builder maxRateLimitWait(Duration maxRateLimitWait) {
      Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait == null");
      if (maxRateLimitWait.isNegative()) {
        throw new IllegalArgumentException("maxRateLimitWait must not be negative");
      }
      this.maxRateLimitWait = maxRateLimitWait;
      return this;
    }

    /**
     * Starts a new plan even if the journal's last plan for this API finished (a new rotation of
     * the successors). By default a re-run of a finished plan does nothing.
     */
    public Builder freshPlan() {
      this.freshPlan = true;
      return this;
    }

    /** The durable journal (required). */
    public Builder journal(RotationJournal journal) {
      this.journal = Objects.requireNonNull(journal, "journal == null");
      return this;
    }

    /** Where each successor's secret goes (required); called before the key counts as done. */
    public Builder onNewKey(ApiKeyRotation.NewKeyConsumer onNewKey) {
      this.onNewKey = Objects.requireNonNull(onNewKey, "onNewKey == null");
      return this;
    }

    /** Receives progress after each finished key. */
    public Builder progress(Consumer<RerollProgress> progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /** The clock of timestamps, pacing and the rate. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the run waits (429s, pacing). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Builds the bulk reroll; nothing runs until {@link BulkReroll#run()}. */
    public BulkReroll build() {
      return new BulkReroll(this);
    }
  }

  ListKeysRequest listRequest() {
    ListKeysRequest.Builder b = ListKeysRequest.builder(apiId).limit(100);
    if (externalId != null) {
      b.externalId(externalId);
    }
    return b.build();
  }

  static List<String> chunk(List<String> all, int from, int size) {
    return new ArrayList<>(all.subList(from, Math.min(all.size(), from + size)));
  }
}
