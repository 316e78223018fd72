package dev.keyward.servlet;

import dev.keyward.BadRequestException;
import dev.keyward.ForbiddenException;
import dev.keyward.RateLimitedException;
import dev.keyward.ServerException;
import dev.keyward.TransportException;
import dev.keyward.UnauthorizedException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ApiKeyFilter} does when Unkey cannot answer: applies the route's {@link
 * DegradedPolicy}, logs once per incident (and fail-open passes at WARN, at most once a second,
 * with their count), and tells the listener. Never logs a key: exception messages hold status, type
 * and request id only.
 */
final class Degradation {
  private static final System.Logger LOG = System.getLogger(ApiKeyFilter.class.getName());

  final CircuitBreaker breaker;
  private final @Nullable LastKnownGood lastKnownGood;
  private final VerificationListener listener;
  private final Clock clock;
  private final long retryAfterSeconds;
  private final Outcome unavailable; // one immutable 503 for every refused request
  private final AtomicBoolean incident = new AtomicBoolean();
  private final AtomicLong openPasses = new AtomicLong();
  private final AtomicLong lastWarnMillis = new AtomicLong(Long.MIN_VALUE / 2);

  Degradation(
      CircuitBreaker breaker,
      @Nullable LastKnownGood lastKnownGood,
      VerificationListener listener,
      Clock clock,
      long retryAfterSeconds) {
    this.breaker = breaker;
    this.lastKnownGood = lastKnownGood;
    this.listener = listener;
    this.clock = clock;
    this.retryAfterSeconds = retryAfterSeconds;
    this.unavailable = Outcome.reject(Rejection.unavailable(retryAfterSeconds));
  }

  /** True for failures that mean Unkey could not answer (they count towards the breaker). */
  static boolean isOutage(UnkeyException e) {
    return e instanceof TransportException
        || e instanceof ServerException
        || e instanceof UnexpectedStatusException
        || e instanceof RateLimitedException;
  }

  /** Unkey answered: the incident, if any, is over. */
  void recovered() {
    if (incident.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "keyward: Unkey reachable again; API key verification resumed");
    }
  }

  /** Unkey answered with an error that no policy covers (the root key, the request): 503. */
  Outcome misconfigured(UnkeyException e) {
    if (incident.compareAndSet(false, true)) {
      LOG.log(
          Level.ERROR,
          "keyward: "
              + misconfiguration(e)
              + "; answering 503 until verification succeeds again: "
              + e.getMessage());
    }
    listener.unavailable(false);
    return unavailable;
  }

  /**
   * Applies {@code policy} to a request Unkey could not verify: {@code cause} is the failure, or
   * null if the open breaker refused the call.
   */
  Outcome apply(
      DegradedPolicy policy, String hash, Requirement requirement, @Nullable UnkeyException cause) {
    if (cause != null && incident.compareAndSet(false, true)) {
      LOG.log(
          Level.ERROR,
          "keyward: Unkey is unavailable; "
              + (policy == DegradedPolicy.FAIL_OPEN
                  ? "FAILING OPEN: requests pass unverified"
                  : policy == DegradedPolicy.FAIL_CLOSED
                      ? "answering 503"
                      : "passing last known good keys, answering 503 to others")
              + " until verification succeeds again: "
              + cause.getMessage());
    }
    Outcome outcome;
    if (policy == DegradedPolicy.FAIL_OPEN) {
      warnOpenPass();
      outcome = Outcome.FAILED_OPEN;
    } else {
      VerifiedKey good =
          policy == DegradedPolicy.LAST_KNOWN_GOOD && lastKnownGood != null
              ? lastKnownGood.lookup(hash)
              : null;
      if (good != null
          && (requirement.permissionQuery() == null
              || requirement.permissionQuery().evaluate(good.permissions()))) {
        outcome = Outcome.lastKnownGood(good);
      } else {
        Long retryAfter = retryAfterSeconds;
        if (cause instanceof RateLimitedException) {
          retryAfter =
              ((RateLimitedException) cause)
                  .retryAfter()
                  .map(Rejection::ceilSeconds)
                  .orElse(retryAfter);
        }
        outcome =
            retryAfter == retryAfterSeconds
                ? unavailable
                : Outcome.reject(Rejection.unavailable(retryAfter));
      }
    }
    boolean passed = outcome.rejection == null;
    listener.unavailable(policy == DegradedPolicy.FAIL_OPEN);
    listener.degraded(policy, passed);
    return outcome;
  }

  private void warnOpenPass() {
    long passes = openPasses.incrementAndGet();
    long now = clock.millis();
    long last = lastWarnMillis.get();
    if (now - last >= 1000 && lastWarnMillis.compareAndSet(last, now)) {
      openPasses.addAndGet(-passes);
      LOG.log(
          Level.WARNING,
          "keyward: FAIL_OPEN: "
              + passes
              + " request(s) passed unverified since the last warning (Unkey unavailable)");
    }
  }

  private static String misconfiguration(UnkeyException e) {
    if (e instanceof UnauthorizedException) {
      return "Unkey rejected the root key (check the configured root key)";
    }
    if (e instanceof ForbiddenException) {
      return "the root key may not verify keys (it needs api.<id>.verify_key)";
    }
    if (e instanceof BadRequestException) {
      return "Unkey rejected the verify request (check the route's requirement)";
    }
    return "key verification failed";
  }

  /** Records a verification for the last-known-good table, if there is one. */
  void record(String hash, dev.keyward.model.Verification result) {
    if (lastKnownGood != null) {
      lastKnownGood.record(hash, result);
    }
  }

  boolean needsHash() {
    return lastKnownGood != null;
  }

  @Nullable LastKnownGood lastKnownGood() {
    return lastKnownGood;
  }
}
