package dev.keyward.http;

import io.micrometer.common.KeyValues;

/**
 * {@code unkey.client.call}, contextual name {@code unkey <operation>}. Low-cardinality keys (every
 * one present once the call ended, so meters keep one tag set): {@code unkey.operation}, {@code
 * outcome}, {@code http.response.status_code} ({@code 0} when no response arrived), {@code
 * error.type} ({@code none} on success), {@code unkey.attempts}. High-cardinality: {@code
 * unkey.request_id}.
 *
 * <p>Micrometer asks a convention for key values at the start and again at the stop, and the
 * context keeps both answers. This convention answers at the start the key the start fixes ({@code
 * unkey.operation}) and at the stop the keys the end decided ({@link
 * CallObservationContext#ended()}), so no key is written twice: each write is a {@code
 * ConcurrentHashMap} put, and writing every key at both points made an observed call cost 1.31× an
 * unobserved one. A subclass may return any keys at either point; the context's key values at the
 * stop are the union.
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
    return context.ended()
        ? ObservationKeys.callEnd(
            context.operation(),
            context.outcome(),
            context.status(),
            context.errorType(),
            context.attempts())
        : ObservationKeys.callStart(context.operation());
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(CallObservationContext context) {
    String id = context.requestId();
    return id == null || !context.ended()
        ? KeyValues.empty()
        : KeyValues.of("unkey.request_id", id);
  }
}
