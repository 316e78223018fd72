package dev.keyward.servlet;

import dev.keyward.model.Verification;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link ApiKeyFilter}'s decision: pass with a key, reject, or pass unverified
 * ({@link DegradedPolicy#FAIL_OPEN}). {@code limits} is the verification whose rate limits the
 * answer reports, if any.
 */
final class Outcome {
  private static final System.Logger LOG = System.getLogger(ApiKeyFilter.class.getName());

  static final Outcome FAILED_OPEN = new Outcome(null, null, false, null);

  final @Nullable VerifiedKey key;
  final @Nullable Rejection rejection;
  final boolean lastKnownGood;
  final @Nullable Verification limits;

  private Outcome(
      @Nullable VerifiedKey key,
      @Nullable Rejection rejection,
      boolean lastKnownGood,
      @Nullable Verification limits) {
    this.key = key;
    this.rejection = rejection;
    this.lastKnownGood = lastKnownGood;
    this.limits = limits;
  }

  static Outcome pass(VerifiedKey key, @Nullable Verification limits) {
    return new Outcome(key, null, false, limits);
  }

  static Outcome lastKnownGood(VerifiedKey key) {
    return new Outcome(key, null, true, null);
  }

  static Outcome reject(Rejection rejection) {
    return new Outcome(null, rejection, false, null);
  }

  static Outcome reject(Rejection rejection, @Nullable Verification limits) {
    return new Outcome(null, rejection, false, limits);
  }

  /** The outcome of a verification Unkey answered: pass if VALID, else its rejection. */
  static Outcome decide(Verification result, int usageExceededStatus) {
    if (result.valid()) {
      if (LOG.isLoggable(Level.TRACE)) {
        LOG.log(Level.TRACE, "keyward: key " + result.keyId() + " VALID");
      }
      return pass(VerifiedKey.of(result), result);
    }
    Rejection rejection = Rejection.of(result, usageExceededStatus);
    LOG.log(
        Level.DEBUG,
        () ->
            "keyward: key rejected: "
                + result.rawCode()
                + " (key id "
                + result.keyId()
                + ", request "
                + result.requestId()
                + ") → "
                + rejection.status);
    return reject(rejection, result);
  }
}
