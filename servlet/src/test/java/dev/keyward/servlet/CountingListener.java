package dev.keyward.servlet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the degraded-mode events a filter reports. */
final class CountingListener implements VerificationListener {
  final List<String> degraded = new CopyOnWriteArrayList<>();
  final List<CircuitState> transitions = new CopyOnWriteArrayList<>();

  @Override
  public void degraded(DegradedPolicy policy, boolean passed) {
    degraded.add(policy + (passed ? " passed" : " refused"));
  }

  @Override
  public void circuitStateChanged(CircuitState state) {
    transitions.add(state);
  }
}
