package dev.keyward.spring;

import dev.keyward.http.EventListener;
import dev.keyward.permission.Operation;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Fans client events out to every {@link EventListener} bean. */
final class CompositeEventListener implements EventListener {
  private final List<EventListener> listeners;

  CompositeEventListener(List<EventListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void callStart(Operation operation) {
    for (EventListener l : listeners) {
      l.callStart(operation);
    }
  }

  @Override
  public void attemptFailed(
      Operation operation, int attempt, int status, @Nullable String requestId, Duration delay) {
    for (EventListener l : listeners) {
      l.attemptFailed(operation, attempt, status, requestId, delay);
    }
  }

  @Override
  public void callEnd(
      Operation operation, int status, @Nullable String requestId, Duration latency, int attempts) {
    for (EventListener l : listeners) {
      l.callEnd(operation, status, requestId, latency, attempts);
    }
  }
}
