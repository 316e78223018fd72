package dev.keyward.testing;

import dev.keyward.http.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Validates every exchange crossing a {@link FakeUnkeyServer} with http-client's {@link
 * SpecValidator}.
 */
final class SpecCheckingListener implements FakeUnkeyServer.ExchangeListener {
  /** Null in a clone without Unkey's spec: exchanges are then not checked (SpecValidator). */
  private final @Nullable SpecValidator validator = SpecValidator.ifAvailable().orElse(null);

  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicInteger checked = new AtomicInteger();

  @Override
  public void onExchange(RecordedExchange e) {
    if (validator == null || e.status() == 0) {
      return; // a dropped connection has no answer to check
    }
    Map<String, String> headers = new LinkedHashMap<>();
    e.requestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
    String body = new String(e.requestBody(), StandardCharsets.UTF_8);
    // A request refused before its body was read has no body to check, only its answer.
    if (e.requestBodyRead()) {
      try {
        validator.validateRequest(e.method(), e.path(), headers, body);
      } catch (AssertionError | RuntimeException ex) {
        violations.add(e + " request: " + ex.getMessage());
      }
    }
    if (e.path().equals("/v2/analytics.getVerifications") && e.status() == 412) {
      // Unkey's handler answers 412 analytics_not_configured; its spec does not list 412 for this
      // path.
      checked.incrementAndGet();
      return;
    }
    List<String> ct = e.responseHeaders().getOrDefault("Content-Type", List.of("application/json"));
    try {
      validator.validateResponse(
          e.method(),
          e.path(),
          e.status(),
          ct.get(0),
          new String(e.responseBody(), StandardCharsets.UTF_8));
    } catch (AssertionError | RuntimeException ex) {
      violations.add(e + " response: " + ex.getMessage());
    }
    checked.incrementAndGet();
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  int checked() {
    return checked.get();
  }
}
