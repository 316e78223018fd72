package dev.keyward.http;

import dev.keyward.UnkeyException;
import dev.keyward.redact.Redactor;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a call reports as it runs: the client's DEBUG lines and the user's {@link EventListener}
 * callbacks. A listener that throws is logged (its class only) and ignored, never failing the call.
 * Request ids arrive checked ({@code ServerTexts}); each DEBUG line also passes the Redactor.
 */
final class CallEvents {
  private static final Logger LOG = LoggerFactory.getLogger(UnkeyHttpClient.class);

  private final EventListener listener;
  private final Redactor redactor;

  CallEvents(EventListener listener, Redactor redactor) {
    this.listener = listener;
    this.redactor = redactor;
  }

  void start(Exchange<?> exchange) {
    notify(() -> listener.callStart(exchange.op));
  }

  void attemptFailed(Exchange<?> exchange, Exchange.Retry<?> retry) {
    UnkeyException f = retry.failure();
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          redactor.redact(
              exchange.op.wireName()
                  + " attempt "
                  + exchange.attempts
                  + " failed (status "
                  + f.status()
                  + ", request "
                  + f.requestId()
                  + "); retrying in "
                  + retry.delay().toMillis()
                  + " ms"));
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
          redactor.redact(
              exchange.op.wireName()
                  + " -> "
                  + status
                  + " (request "
                  + requestId
                  + ") in "
                  + latency.toMillis()
                  + " ms, "
                  + exchange.attempts
                  + " attempt(s)"));
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
