package dev.keyward.http;

import io.micrometer.common.KeyValues;

/**
 * {@code unkey.client.attempt}, following OpenTelemetry's HTTP client conventions: contextual name
 * {@code <method> <url.template>}; low-cardinality keys {@code http.request.method}, {@code
 * server.address}, {@code server.port}, {@code url.template} ({@code /v2/<operation>}), {@code
 * http.response.status_code} ({@code 0} when no response arrived), {@code error.type} ({@code none}
 * when the attempt did not fail), {@code unkey.operation}; high-cardinality {@code
 * http.request.resend_count} (the attempts before this one).
 */
public class DefaultAttemptObservationConvention implements AttemptObservationConvention {
  /** The observation's name. */
  public static final String NAME = "unkey.client.attempt";

  /** A shared instance. */
  public static final DefaultAttemptObservationConvention INSTANCE =
      new DefaultAttemptObservationConvention();

  /** Creates the convention (subclasses may add keys). */
  public DefaultAttemptObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(AttemptObservationContext context) {
    return ObservationKeys.attemptName(context.operation());
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(AttemptObservationContext context) {
    CallView call = context.call();
    return KeyValues.of(
        ObservationKeys.method(call.operation()),
        context.serverAddress(),
        context.serverPort(),
        ObservationKeys.urlTemplate(call.operation()),
        ObservationKeys.status(context.status()),
        ObservationKeys.error(context.errorType()),
        ObservationKeys.operation(call.operation()));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(AttemptObservationContext context) {
    return KeyValues.of("http.request.resend_count", Integer.toString(context.attempt() - 1));
  }
}
