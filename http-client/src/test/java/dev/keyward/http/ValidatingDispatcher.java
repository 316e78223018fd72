package dev.keyward.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A MockWebServer dispatcher that answers canned responses in order and checks every request it
 * receives and every canned response it sends against the OpenAPI specs. Canned bodies are literal
 * JSON written in the test, never produced by keyward's codecs. Failures are collected and rethrown
 * by {@link #assertValid()}, because a dispatcher's exception would only surface as a broken
 * connection.
 */
public final class ValidatingDispatcher extends Dispatcher {
  /** A canned answer. */
  public record Canned(int status, String contentType, String body, Map<String, String> headers) {
    /** A JSON answer. */
    public static Canned json(int status, String body) {
      return new Canned(status, "application/json", body, Map.of());
    }

    /** The same answer with an extra header. */
    public Canned header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Canned(status, contentType, body, h);
    }
  }

  private final Deque<Canned> answers = new ArrayDeque<>();
  private final List<AssertionError> failures = new ArrayList<>();

  /** Null in a clone without Unkey's spec: traffic is then not validated (SpecValidator). */
  private final @Nullable SpecValidator validator = SpecValidator.ifAvailable().orElse(null);

  private boolean validateResponses = true;

  /** Queues a canned answer. */
  public synchronized ValidatingDispatcher enqueue(Canned canned) {
    answers.add(canned);
    return this;
  }

  /** Queues a JSON answer. */
  public ValidatingDispatcher enqueue(int status, String body) {
    return enqueue(Canned.json(status, body));
  }

  /** Skips response validation (for deliberately malformed answers). */
  public synchronized ValidatingDispatcher skipResponseValidation() {
    validateResponses = false;
    return this;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    Map<String, String> headers = new LinkedHashMap<>();
    request.getHeaders().forEach(p -> headers.put(p.getFirst(), p.getSecond()));
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    try {
      if (validator != null) {
        validator.validateRequest(request.getMethod(), path, headers, body);
      }
    } catch (AssertionError e) {
      failures.add(e);
    }
    Canned canned = answers.poll();
    if (canned == null) {
      failures.add(
          new AssertionError("no canned answer left for " + request.getMethod() + " " + path));
      return new MockResponse.Builder().code(599).build();
    }
    if (validateResponses && validator != null) {
      try {
        validator.validateResponse(
            request.getMethod(), path, canned.status(), canned.contentType(), canned.body());
      } catch (AssertionError e) {
        failures.add(e);
      }
    }
    MockResponse.Builder b = new MockResponse.Builder().code(canned.status()).body(canned.body());
    if (canned.contentType() != null) {
      b.setHeader("Content-Type", canned.contentType());
    }
    canned.headers().forEach(b::setHeader);
    return b.build();
  }

  /** Throws the first validation failure, with the others suppressed. */
  public synchronized void assertValid() {
    if (!failures.isEmpty()) {
      AssertionError first = failures.get(0);
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }
}
