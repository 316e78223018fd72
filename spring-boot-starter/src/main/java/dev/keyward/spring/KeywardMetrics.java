package dev.keyward.spring;

import dev.keyward.servlet.CircuitState;
import dev.keyward.servlet.VerificationListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one keyward meter that is a state rather than an event: the gauge {@code
 * keyward.filter.circuit.state} (0 closed, 1 open, 2 half-open). Everything else comes from
 * observations: the client's {@code unkey.client.call} and {@code unkey.client.attempt}, and the
 * filter's {@link KeywardObservations}.
 */
public final class KeywardMetrics implements VerificationListener {
  private final AtomicReference<CircuitState> circuit = new AtomicReference<>(CircuitState.CLOSED);

  /** Registers the gauge in {@code registry}. */
  public KeywardMetrics(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry == null");
    Gauge.builder("keyward.filter.circuit.state", circuit, c -> c.get().ordinal())
        .description("The filter's circuit breaker: 0 closed, 1 open, 2 half-open")
        .register(registry);
  }

  @Override
  public void circuitStateChanged(CircuitState state) {
    circuit.set(state);
  }

  @Override
  public String toString() {
    return "KeywardMetrics";
  }
}
