package dev.keyward.http;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Observes calls and attempts without naming Micrometer: {@link #NONE} unless an {@code
 * ObservationRegistry} was configured, so the client loads no Micrometer class without one.
 */
interface CallObserver {
  /** Observes nothing. */
  CallObserver NONE = call -> CallScope.NONE;

  /**
   * Micrometer observations into {@code registry}, or {@link #NONE} without one; typed {@code
   * Object} so that a client without a registry loads no Micrometer class.
   */
  static CallObserver of(
      @Nullable Object registry,
      @Nullable Object callConvention,
      @Nullable Object attemptConvention) {
    return registry == null
        ? NONE
        : MicrometerObserver.create(registry, callConvention, attemptConvention);
  }

  /** A call starts. */
  CallScope start(CallView call);

  /** One call's observation. */
  interface CallScope {
    /** Observes nothing. */
    CallScope NONE =
        new CallScope() {
          @Override
          public AttemptScope attempt(int attempt, Map<String, String> carrier) {
            return AttemptScope.NONE;
          }

          @Override
          public void end(
              String outcome,
              int status,
              @Nullable String errorType,
              int attempts,
              @Nullable String requestId,
              @Nullable Throwable error) {}
        };

    /** An attempt starts; {@code carrier} receives the headers a tracer propagates. */
    AttemptScope attempt(int attempt, Map<String, String> carrier);

    /** The call ended. */
    void end(
        String outcome,
        int status,
        @Nullable String errorType,
        int attempts,
        @Nullable String requestId,
        @Nullable Throwable error);
  }

  /** One attempt's observation. */
  interface AttemptScope {
    /** Observes nothing. */
    AttemptScope NONE = (status, errorType) -> {};

    /** The attempt ended with {@code status} (0: no response). */
    void end(int status, @Nullable String errorType);
  }
}
