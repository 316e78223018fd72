package dev.keyward.spring;

import dev.keyward.model.Verification;
import dev.keyward.servlet.CircuitState;
import dev.keyward.servlet.DegradedPolicy;
import dev.keyward.servlet.VerificationListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * The API key filter's outcomes as Micrometer observations (and so, with Spring Boot's handlers, as
 * meters): {@code keyward.filter.verifications} (code, cached), {@code keyward.filter.missing.key}
 * (malformed), {@code keyward.filter.degraded} (policy, passed) and {@code keyward.filter.circuit}
 * (the state entered). Each is an event: an observation started and stopped at once. No key value
 * ever holds a key or a request id.
 */
public final class KeywardObservations implements VerificationListener {
  private final ObservationRegistry registry;

  /** Emits into {@code registry}. */
  public KeywardObservations(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
  }

  private void event(String name, String key, String value) {
    Observation.createNotStarted(name, registry).lowCardinalityKeyValue(key, value).start().stop();
  }

  private void event(String name, String key1, String value1, String key2, String value2) {
    Observation.createNotStarted(name, registry)
        .lowCardinalityKeyValue(key1, value1)
        .lowCardinalityKeyValue(key2, value2)
        .start()
        .stop();
  }

  @Override
  public void verified(Verification.Code code, boolean cached) {
    event("keyward.filter.verifications", "code", code.name(), "cached", Boolean.toString(cached));
  }

  @Override
  public void missingKey(boolean malformed) {
    event("keyward.filter.missing.key", "malformed", Boolean.toString(malformed));
  }

  @Override
  public void degraded(DegradedPolicy policy, boolean passed) {
    event("keyward.filter.degraded", "policy", policy.name(), "passed", Boolean.toString(passed));
  }

  @Override
  public void circuitStateChanged(CircuitState state) {
    event("keyward.filter.circuit", "state", state.name());
  }

  @Override
  public String toString() {
    return "KeywardObservations";
  }
}
