package dev.keyward.http;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags a call's observation; replace {@link DefaultCallObservationConvention} (or extend
 * it) with {@link UnkeyHttpClient.Builder#callObservationConvention}.
 */
public interface CallObservationConvention extends ObservationConvention<CallObservationContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof CallObservationContext;
  }
}
