package dev.keyward.spring;

import dev.keyward.servlet.DegradedPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the API key filter does when Unkey cannot answer ({@code keyward.filter.degraded.*}): the
 * policy of routes without their own, the bounds of {@link DegradedPolicy#LAST_KNOWN_GOOD}, and the
 * circuit breaker in front of verification.
 */
public class DegradedProperties {
  /**
   * FAIL_CLOSED (503), FAIL_OPEN (pass unverified) or LAST_KNOWN_GOOD; unset: FAIL_CLOSED, or
   * FAIL_OPEN under the deprecated keyward.filter.fail-open.
   */
  private @Nullable DegradedPolicy policy;

  /** How long ago a key must have verified VALID to pass under LAST_KNOWN_GOOD (at most 24 h). */
  private Duration lastKnownGoodWindow = Duration.ofMinutes(5);

  /** How many keys LAST_KNOWN_GOOD remembers, by hash. */
  private int lastKnownGoodMaxEntries = 10_000;

  /** Consecutive failures to answer that open the circuit breaker (1..1000). */
  private int breakerFailures = 5;

  /** How long the breaker stays open before one probe request verifies again (at most 1 h). */
  private Duration breakerOpenInterval = Duration.ofSeconds(5);

  /** Creates the defaults. */
  public DegradedProperties() {}

  /** The default policy, or null for FAIL_CLOSED (FAIL_OPEN under the deprecated fail-open). */
  public @Nullable DegradedPolicy getPolicy() {
    return policy;
  }

  /** Sets the default policy. */
  public void setPolicy(@Nullable DegradedPolicy policy) {
    this.policy = policy;
  }

  /** The LAST_KNOWN_GOOD window. */
  public Duration getLastKnownGoodWindow() {
    return lastKnownGoodWindow;
  }

  /** Sets the LAST_KNOWN_GOOD window. */
  public void setLastKnownGoodWindow(Duration lastKnownGoodWindow) {
    this.lastKnownGoodWindow = lastKnownGoodWindow;
  }

  /** The LAST_KNOWN_GOOD bound in entries. */
  public int getLastKnownGoodMaxEntries() {
    return lastKnownGoodMaxEntries;
  }

  /** Sets the LAST_KNOWN_GOOD bound in entries. */
  public void setLastKnownGoodMaxEntries(int lastKnownGoodMaxEntries) {
    this.lastKnownGoodMaxEntries = lastKnownGoodMaxEntries;
  }

  /** Failures that open the breaker. */
  public int getBreakerFailures() {
    return breakerFailures;
  }

  /** Sets the failures that open the breaker. */
  public void setBreakerFailures(int breakerFailures) {
    this.breakerFailures = breakerFailures;
  }

  /** How long the breaker stays open between probes. */
  public Duration getBreakerOpenInterval() {
    return breakerOpenInterval;
  }

  /** Sets how long the breaker stays open between probes. */
  public void setBreakerOpenInterval(Duration breakerOpenInterval) {
    this.breakerOpenInterval = breakerOpenInterval;
  }
}
