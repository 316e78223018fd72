package dev.keyward.http;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * {@code unkey.client.call}, contextual name {@code unkey <operation>}. Low-cardinality keys (every
 * one always present, so meters keep one tag set): {@code unkey.operation}, {@code outcome}, {@code
 * http.response.status_code} ({@code 0} when no response arrived), {@code error.type} ({@code none}
 * on success), {@code unkey.attempts}. High-cardinality: {@code unkey.request_id}.
 */
public class DefaultCallObservationConvention implements CallObservationConvention {
  /** The observation's name. */
  public static final String NAME = "unkey.client.call";

  /** A shared instance. */
  public static final DefaultCallObservationConvention INSTANCE =
      new DefaultCallObservationConvention();

  /** Creates the convention (subclasses may add keys). */
  public DefaultCallObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(CallObservationContext context) {
    return ObservationKeys.callName(context.operation());
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(CallObservationContext context) {
    return KeyValues.of(
        ObservationKeys.operation(context.operation()),
        KeyValue.of("outcome", context.outcome()),
        ObservationKeys.status(context.status()),
        ObservationKeys.error(context.errorType()),
        ObservationKeys.attempts(context.attempts()));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(CallObservationContext context) {
    String id = context.requestId();
    return id == null ? KeyValues.empty() : KeyValues.of("unkey.request_id", id);
  }
}
