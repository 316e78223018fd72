package dev.keyward.spring;

import dev.keyward.model.Verification;
import dev.keyward.servlet.CircuitState;
import dev.keyward.servlet.DegradedPolicy;
import dev.keyward.servlet.VerificationListener;
import java.util.List;

/** Fans filter outcomes out to every {@link VerificationListener} bean. */
final class CompositeVerificationListener implements VerificationListener {
  private final List<VerificationListener> listeners;

  CompositeVerificationListener(List<VerificationListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void verified(Verification.Code code, boolean cached) {
    for (VerificationListener l : listeners) {
      l.verified(code, cached);
    }
  }

  @Override
  public void missingKey(boolean malformed) {
    for (VerificationListener l : listeners) {
      l.missingKey(malformed);
    }
  }

  @Override
  public void unavailable(boolean failedOpen) {
    for (VerificationListener l : listeners) {
      l.unavailable(failedOpen);
    }
  }

  @Override
  public void degraded(DegradedPolicy policy, boolean passed) {
    for (VerificationListener l : listeners) {
      l.degraded(policy, passed);
    }
  }

  @Override
  public void circuitStateChanged(CircuitState state) {
    for (VerificationListener l : listeners) {
      l.circuitStateChanged(state);
    }
  }
}
