package dev.keyward.http;

import dev.keyward.permission.Operation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls and attempts as Micrometer observations. The only class of the client that uses Micrometer
 * at run time; loaded only when an {@code ObservationRegistry} was configured.
 *
 * <p>Observing never fails a call, as an {@code EventListener} never does: when a convention, a
 * handler or a filter throws (a {@code RuntimeException}, or an {@code Error} other than a {@code
 * VirtualMachineError}: a tracing bridge built against another library version throws {@code
 * NoSuchMethodError}), the call goes on without that observation and the failure is logged with its
 * class only (its message could hold anything): at WARN the first time for this client, at DEBUG
 * after. A handler failing in {@code onError} does not keep the call's observation from stopping.
 */
final class MicrometerObserver implements CallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(UnkeyHttpClient.class);
  private final ObservationRegistry registry;
  private final @Nullable CallObservationConvention callConvention;
  private final @Nullable AttemptObservationConvention attemptConvention;
  private volatile ObservationKeys.@Nullable Server server;
  private final AtomicBoolean warned = new AtomicBoolean();

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
    try {
      Call scope = new Call(new CallObservationContext(call), server(call));
      Observation observation =
          Observation.createNotStarted(
              callConvention, DefaultCallObservationConvention.INSTANCE, scope, registry);
      if (observation.isNoop()) {
        // the call's observation is off (an ObservationPredicate): its attempts may still be on,
        // and carry the trace; with no handler at all, nothing is
        return registry.isNoop() ? CallScope.NONE : scope;
      }
      scope.observation = observation.start();
      return scope;
    } catch (RuntimeException | Error e) {
      failed(call.operation(), "the call's start", e);
      return CallScope.NONE;
    }
  }

  /** Logs {@code e} by class; rethrows a {@code VirtualMachineError} (out of memory, …). */
  private void failed(Operation op, String where, Throwable e) {
    if (e instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    String message =
        "Observing {} failed at {} ({} thrown by a convention, handler or filter); the call goes"
            + " on without it";
    if (warned.compareAndSet(false, true)) {
      LOG.warn(message, op.wireName(), where, e.getClass().getName());
    } else {
      LOG.debug(message, op.wireName(), where, e.getClass().getName());
    }
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

  /** One call: supplies its context to Micrometer, then observes the call's attempts and end. */
  private final class Call implements CallScope, Supplier<CallObservationContext> {
    private final CallObservationContext context;
    private final ObservationKeys.Server server;
    private Observation observation = Observation.NOOP;

    Call(CallObservationContext context, ObservationKeys.Server server) {
      this.context = context;
      this.server = server;
    }

    @Override
    public CallObservationContext get() {
      return context;
    }

    @Override
    public AttemptScope attempt(int attempt, Map<String, String> carrier) {
      try {
        Attempt scope =
            new Attempt(new AttemptObservationContext(context.call(), attempt, carrier, server));
        Observation created =
            Observation.createNotStarted(
                attemptConvention, DefaultAttemptObservationConvention.INSTANCE, scope, registry);
        if (observation != Observation.NOOP) {
          // else the parent is the current observation, as Micrometer chose it
          created.parentObservation(observation);
        }
        scope.observation = created.start();
        return scope;
      } catch (RuntimeException | Error e) {
        failed(context.operation(), "attempt " + attempt + "'s start", e);
        return AttemptScope.NONE;
      }
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
        try {
          observation.error(error);
        } catch (RuntimeException | Error e) {
          // the stop still comes: a handler that started a timer or a span must see it end
          failed(context.operation(), "the call's error", e);
        }
      }
      try {
        observation.stop();
      } catch (RuntimeException | Error e) {
        failed(context.operation(), "the call's end", e);
      }
    }
  }

  /** One attempt: supplies its context to Micrometer, then observes the attempt's end. */
  private final class Attempt implements AttemptScope, Supplier<AttemptObservationContext> {
    private final AttemptObservationContext context;
    private Observation observation = Observation.NOOP;

    Attempt(AttemptObservationContext context) {
      this.context = context;
    }

    @Override
    public AttemptObservationContext get() {
      return context;
    }

    @Override
    public void end(int status, @Nullable String errorType) {
      try {
        context.end(status, errorType);
        observation.stop();
      } catch (RuntimeException | Error e) {
        failed(context.operation(), "attempt " + context.attempt() + "'s end", e);
      }
    }
  }
}
