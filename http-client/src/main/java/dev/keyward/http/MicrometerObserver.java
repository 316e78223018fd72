package dev.keyward.http;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Calls and attempts as Micrometer observations. The only class of the client that uses Micrometer
 * at run time; loaded only when an {@code ObservationRegistry} was configured.
 */
final class MicrometerObserver implements CallObserver {
  private final ObservationRegistry registry;
  private final @Nullable CallObservationConvention callConvention;
  private final @Nullable AttemptObservationConvention attemptConvention;
  private volatile ObservationKeys.@Nullable Server server;

  private MicrometerObserver(
      ObservationRegistry registry,
      @Nullable CallObservationConvention callConvention,
      @Nullable AttemptObservationConvention attemptConvention) {
    this.registry = registry;
    this.callConvention = callConvention;
    this.attemptConvention = attemptConvention;
  }

  /**
   * An observer for {@code registry} ({@link CallObserver#NONE} for {@code
   * ObservationRegistry.NOOP}). Parameters are typed {@code Object} so that the builder, which
   * holds them, does not load Micrometer types.
   */
  static CallObserver create(
      Object registry, @Nullable Object callConvention, @Nullable Object attemptConvention) {
    ObservationRegistry r = (ObservationRegistry) registry;
    if (r == ObservationRegistry.NOOP) {
      return CallObserver.NONE;
    }
    return new MicrometerObserver(
        r,
        (CallObservationConvention) callConvention,
        (AttemptObservationConvention) attemptConvention);
  }

  @Override
  public CallScope start(CallView call) {
    CallObservationContext context = new CallObservationContext(call);
    Observation observation =
        Observation.createNotStarted(
            callConvention, DefaultCallObservationConvention.INSTANCE, () -> context, registry);
    if (observation.isNoop()) {
      return CallScope.NONE;
    }
    return new Call(observation.start(), context, server(call));
  }

  /** The server's keys, built once per host and port (a client calls one). */
  private ObservationKeys.Server server(CallView call) {
    ObservationKeys.Server s = server;
    if (s == null || !s.is(call.serverAddress(), call.serverPort())) {
      s = new ObservationKeys.Server(call.serverAddress(), call.serverPort());
      server = s;
    }
    return s;
  }

  private final class Call implements CallScope {
    private final Observation observation;
    private final CallObservationContext context;
    private final ObservationKeys.Server server;

    Call(Observation observation, CallObservationContext context, ObservationKeys.Server server) {
      this.observation = observation;
      this.context = context;
      this.server = server;
    }

    @Override
    public AttemptScope attempt(int attempt, Map<String, String> carrier) {
      AttemptObservationContext attemptContext =
          new AttemptObservationContext(context.call(), attempt, carrier, server);
      Observation child =
          Observation.createNotStarted(
                  attemptConvention,
                  DefaultAttemptObservationConvention.INSTANCE,
                  () -> attemptContext,
                  registry)
              .parentObservation(observation)
              .start();
      return (status, errorType) -> {
        attemptContext.end(status, errorType);
        child.stop();
      };
    }

    @Override
    public void end(
        String outcome,
        int status,
        @Nullable String errorType,
        int attempts,
        @Nullable String requestId,
        @Nullable Throwable error) {
      context.end(outcome, status, errorType, attempts, requestId);
      if (error != null) {
        observation.error(error);
      }
      observation.stop();
    }
  }
}
