package dev.keyward.servlet;

import dev.keyward.model.Verification;

/** Observes {@link ApiKeyFilter}'s outcomes, e.g. for metrics. It never sees a key. */
public interface VerificationListener {
  /** A listener that does nothing. */
  VerificationListener NONE = new VerificationListener() {};

  /** A key was verified with {@code code}; {@code cached} if the answer came from the cache. */
  default void verified(Verification.Code code, boolean cached) {}

  /** A request had no usable key ({@code malformed} false: none at all). */
  default void missingKey(boolean malformed) {}

  /** Unkey could not verify a key; {@code failedOpen} if the request passed unverified. */
  default void unavailable(boolean failedOpen) {}

  /**
   * A request took its route's {@link DegradedPolicy} because Unkey could not answer or the circuit
   * breaker was open; {@code passed} if it went through (fail open or last known good).
   */
  default void degraded(DegradedPolicy policy, boolean passed) {}

  /** The circuit breaker in front of verification moved to {@code state}. */
  default void circuitStateChanged(CircuitState state) {}
}
