package dev.keyward.http;

import io.micrometer.common.KeyValues;

/**
 * {@code unkey.client.attempt}, following OpenTelemetry's HTTP client conventions: contextual name
 * {@code <method> <url.template>}; low-cardinality keys {@code http.request.method}, {@code
 * server.address}, {@code server.port}, {@code url.template} ({@code /v2/<operation>}), {@code
 * http.response.status_code} ({@code 0} when no response arrived), {@code error.type} ({@code none}
 * when the attempt did not fail), {@code unkey.operation}; high-cardinality {@code
 * http.request.resend_count} (the attempts before this one).
 *
 * <p>As {@link DefaultCallObservationConvention} does, it answers at the start the keys the start
 * fixes (method, server, url template, operation, resend count) and at the stop the keys the end
 * decided (status, error type, {@link AttemptObservationContext#ended()}); the context keeps both.
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
    return context.ended()
        ? context.server().attemptEnd(context.operation(), context.status(), context.errorType())
        : context.server().attemptStart(context.operation());
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(AttemptObservationContext context) {
    return context.ended() ? KeyValues.empty() : ObservationKeys.resendCount(context.attempt());
  }
}
