package dev.keyward.http;

import dev.keyward.UnkeyException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a call reports as it runs: the client's DEBUG lines and the user's {@link EventListener}
 * callbacks. A listener that throws is logged (its class only) and ignored, never failing the call.
 */
final class CallEvents {
  private static final Logger LOG = LoggerFactory.getLogger(UnkeyHttpClient.class);

  private final EventListener listener;

  CallEvents(EventListener listener) {
    this.listener = listener;
  }

  void start(Exchange<?> exchange) {
    notify(() -> listener.callStart(exchange.op));
  }

  void attemptFailed(Exchange<?> exchange, Exchange.Retry<?> retry) {
    UnkeyException f = retry.failure();
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} attempt {} failed (status {}, request {}); retrying in {} ms",
          exchange.op.wireName(),
          exchange.attempts,
          f.status(),
          f.requestId(),
          retry.delay().toMillis());
    }
    notify(
        () ->
            listener.attemptFailed(
                exchange.op, exchange.attempts, f.status(), f.requestId(), retry.delay()));
  }

  void end(Exchange<?> exchange, int status, @Nullable String requestId) {
    Duration latency = exchange.elapsed();
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} -> {} (request {}) in {} ms, {} attempt(s)",
          exchange.op.wireName(),
          status,
          requestId,
          latency.toMillis(),
          exchange.attempts);
    }
    notify(() -> listener.callEnd(exchange.op, status, requestId, latency, exchange.attempts));
  }

  private static void notify(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("EventListener threw {}; ignored", e.getClass().getName());
    }
  }
}
