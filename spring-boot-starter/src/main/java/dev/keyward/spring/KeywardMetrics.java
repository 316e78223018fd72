package dev.keyward.spring;

import dev.keyward.http.EventListener;
import dev.keyward.model.Verification;
import dev.keyward.permission.Operation;
import dev.keyward.servlet.CircuitState;
import dev.keyward.servlet.DegradedPolicy;
import dev.keyward.servlet.VerificationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for keyward: {@code keyward.client.calls} (timer by operation and status),
 * {@code keyward.client.retries} (by operation and status), {@code keyward.verifications} (by code
 * and cached), {@code keyward.filter.missing.key}, {@code keyward.filter.unavailable}, {@code
 * keyward.filter.degraded} (by policy and whether the request passed), {@code
 * keyward.filter.circuit.transitions} (by state entered) and the gauge {@code
 * keyward.filter.circuit.state}. No tag ever holds a key or a request id.
 */
public final class KeywardMetrics implements EventListener, VerificationListener {
  private final MeterRegistry registry;
  private final AtomicReference<CircuitState> circuit = new AtomicReference<>(CircuitState.CLOSED);

  /** Records into {@code registry}. */
  public KeywardMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
    Gauge.builder("keyward.filter.circuit.state", circuit, c -> c.get().ordinal())
        .description("The filter's circuit breaker: 0 closed, 1 open, 2 half-open")
        .register(registry);
  }

  @Override
  public void attemptFailed(
      Operation operation, int attempt, int status, @Nullable String requestId, Duration delay) {
    Counter.builder("keyward.client.retries")
        .description("Attempts of Unkey calls that were retried")
        .tag("operation", operation.wireName())
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  @Override
  public void callEnd(
      Operation operation, int status, @Nullable String requestId, Duration latency, int attempts) {
    Timer.builder("keyward.client.calls")
        .description("Calls to Unkey, by final status")
        .tag("operation", operation.wireName())
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(latency);
  }

  @Override
  public void verified(Verification.Code code, boolean cached) {
    Counter.builder("keyward.verifications")
        .description("API keys verified by the filter")
        .tag("code", code.name())
        .tag("cached", Boolean.toString(cached))
        .register(registry)
        .increment();
  }

  @Override
  public void missingKey(boolean malformed) {
    Counter.builder("keyward.filter.missing.key")
        .description("Requests without a usable API key")
        .tag("malformed", Boolean.toString(malformed))
        .register(registry)
        .increment();
  }

  @Override
  public void unavailable(boolean failedOpen) {
    Counter.builder("keyward.filter.unavailable")
        .description("Requests Unkey could not verify")
        .tag("failed_open", Boolean.toString(failedOpen))
        .register(registry)
        .increment();
  }

  @Override
  public void degraded(DegradedPolicy policy, boolean passed) {
    Counter.builder("keyward.filter.degraded")
        .description("Requests that took their route's policy because Unkey could not answer")
        .tag("policy", policy.name())
        .tag("passed", Boolean.toString(passed))
        .register(registry)
        .increment();
  }

  @Override
  public void circuitStateChanged(CircuitState state) {
    circuit.set(state);
    Counter.builder("keyward.filter.circuit.transitions")
        .description("Moves of the filter's circuit breaker, by the state entered")
        .tag("state", state.name())
        .register(registry)
        .increment();
  }

  @Override
  public String toString() {
    return "KeywardMetrics";
  }
}
