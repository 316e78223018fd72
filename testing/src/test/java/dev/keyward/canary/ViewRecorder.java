package dev.keyward.canary;

import dev.keyward.http.AttemptView;
import dev.keyward.http.CallInterceptor;
import dev.keyward.http.CallView;
import dev.keyward.http.EventListener;
import dev.keyward.http.ResponseMetadata;
import dev.keyward.http.ResponseView;
import dev.keyward.permission.Operation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * Writes everything a {@link CallInterceptor} and a Micrometer {@link ObservationHandler} are shown
 * (views, their headers, the typed request and result, root key, every observation key value of
 * either cardinality, contextual names, errors) into the scanned event queue.
 */
final class ViewRecorder implements CallInterceptor {
  private final Queue<String> events;

  ViewRecorder(Queue<String> events) {
    this.events = events;
  }

  /** A registry whose handler records every observation's names, key values and error. */
  static ObservationRegistry observations(Queue<String> events) {
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<Observation.Context>() {
              @Override
              public void onStop(Observation.Context c) {
                events.add(
                    "observation "
                        + c.getName()
                        + " "
                        + c.getContextualName()
                        + " "
                        + c.getLowCardinalityKeyValues()
                        + " "
                        + c.getHighCardinalityKeyValues()
                        + " "
                        + c.getError()
                        + " "
                        + c);
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    return registry;
  }

  /** An EventListener writing every callback into {@code events}. */
  static EventListener listener(Queue<String> events) {
    return new EventListener() {
      @Override
      public void callStart(Operation operation) {
        events.add("callStart " + operation);
      }

      @Override
      public void attemptFailed(
          Operation operation,
          int attempt,
          int status,
          @Nullable String requestId,
          Duration delay) {
        events.add(
            "attemptFailed "
                + operation
                + " "
                + attempt
                + " "
                + status
                + " "
                + requestId
                + " "
                + delay);
      }

      @Override
      public void callEnd(
          Operation operation,
          int status,
          @Nullable String requestId,
          Duration latency,
          int attempts) {
        events.add(
            "callEnd "
                + operation
                + " "
                + status
                + " "
                + requestId
                + " "
                + latency
                + " "
                + attempts);
      }
    };
  }

  @Override
  public void beforeCall(CallView call) {
    events.add("beforeCall " + call + " " + call.request());
  }

  @Override
  public Map<String, String> modifyRequestHeaders(
      AttemptView attempt, Map<String, String> headers) {
    events.add("modifyRequestHeaders " + attempt + " " + headers);
    Map<String, String> out = new HashMap<>(headers);
    out.put("X-Canary-Probe", "1");
    return out;
  }

  @Override
  public void beforeAttempt(AttemptView attempt) {
    events.add(
        "beforeAttempt "
            + attempt
            + " "
            + attempt.requestHeaders()
            + " "
            + attempt.rootKey()
            + " "
            + attempt.call().request());
  }

  @Override
  public void afterAttempt(AttemptView attempt, @Nullable ResponseView response) {
    events.add(
        "afterAttempt "
            + attempt
            + " "
            + response
            + " "
            + (response == null ? "" : response.headers()));
  }

  @Override
  public void afterCall(CallView call, ResponseMetadata response, @Nullable Object value) {
    events.add("afterCall " + call + " " + response + " " + response.headers() + " " + value);
  }

  @Override
  public void onFailure(CallView call, RuntimeException failure) {
    events.add("onFailure " + call + " " + failure);
  }
}
