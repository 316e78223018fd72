package dev.keyward.http;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags an attempt's observation; replace {@link DefaultAttemptObservationConvention} (or
 * extend it) with {@link UnkeyHttpClient.Builder#attemptObservationConvention}.
 */
public interface AttemptObservationConvention
    extends ObservationConvention<AttemptObservationContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof AttemptObservationContext;
  }
}
