package dev.keyward.spring;

import dev.keyward.http.EventListener;
import dev.keyward.model.Verification;
import dev.keyward.permission.Operation;
import dev.keyward.servlet.VerificationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for keyward: {@code keyward.client.calls} (timer by operation and status),
 * {@code keyward.client.retries} (by operation and status), {@code keyward.verifications} (by code
 * and cached), {@code keyward.filter.missing.key} and {@code keyward.filter.unavailable}. No tag
 * ever holds a key or a request id.
 */
public final class KeywardMetrics implements EventListener, VerificationListener {
  private final MeterRegistry registry;

  /** Records into {@code registry}. */
  public KeywardMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
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
  public String toString() {
    return "KeywardMetrics";
  }
}
