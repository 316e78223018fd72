package dev.keyward.servlet;

/** The state of {@link ApiKeyFilter}'s circuit breaker in front of verification. */
public enum CircuitState {
  /** Verification calls go to Unkey. */
  CLOSED,
  /** Unkey failed repeatedly: requests take their route's {@link DegradedPolicy} at once. */
  OPEN,
  /** One probe request is verifying; every other request takes its route's policy. */
  HALF_OPEN
}
