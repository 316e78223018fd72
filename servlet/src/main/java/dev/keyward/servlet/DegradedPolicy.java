package dev.keyward.servlet;

import java.util.Locale;
import java.util.Objects;

/**
 * What {@link ApiKeyFilter} does on a route when Unkey cannot answer: a transport failure, a
 * timeout or a 5xx after the filter's own retries, or the circuit breaker being open.
 */
public enum DegradedPolicy {
  /** Answer 503 with {@code Retry-After} (the default). */
  FAIL_CLOSED,
  /**
   * Let the request through unverified: it carries {@link ApiKeyFilter#FAILED_OPEN_ATTRIBUTE}, is
   * logged at WARN (without the key) and reported to {@link VerificationListener#degraded}.
   */
  FAIL_OPEN,
  /**
   * Let a key through with its last permissions if it verified VALID within the filter's
   * last-known-good window and was never seen invalid, rate limited or out of credits since it was
   * first remembered; answer 503 otherwise.
   */
  LAST_KNOWN_GOOD;

  /**
   * Reads a policy by name, ignoring case and accepting {@code -} for {@code _}.
   *
   * @param setting the setting's name, used in the error message
   * @throws IllegalArgumentException naming {@code setting} and the allowed values
   */
  public static DegradedPolicy parse(String setting, String value) {
    Objects.requireNonNull(setting, "setting == null");
    if (value != null) {
      String name = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
      for (DegradedPolicy p : values()) {
        if (p.name().equals(name)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        setting + " must be one of FAIL_CLOSED, FAIL_OPEN, LAST_KNOWN_GOOD");
  }
}
