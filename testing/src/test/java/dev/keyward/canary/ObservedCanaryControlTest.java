package dev.keyward.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.AttemptView;
import dev.keyward.http.CallInterceptor;
import dev.keyward.http.CallObservationContext;
import dev.keyward.http.DefaultCallObservationConvention;
import dev.keyward.http.UnkeyHttpClient;
import io.micrometer.common.KeyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The positive control of the channels {@link HttpClientCanaryTest} added for issue 15. */
class ObservedCanaryControlTest {
  static final ClientCanaries K = new ClientCanaries();

  @StartStop final MockWebServer server = new MockWebServer();

  /**
   * The interceptor, observation and metadata channels are really scanned: an interceptor that
   * reveals the root key and a convention that tags an observation with a key both trip it.
   */
  @Test
  void positiveControl_aLeakyInterceptorAndConventionTripTheScanner() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"message\":\"OK\"}}")
                .build();
          }
        });
    ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    UnkeyHttpClient leaky =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(K.root.secret())
            .addInterceptor(
                new CallInterceptor() {
                  @Override
                  public void beforeAttempt(AttemptView attempt) {
                    events.add("interceptor " + attempt.rootKey().orElseThrow().reveal());
                  }
                })
            .observationRegistry(ViewRecorder.observations(events))
            .callObservationConvention(
                new DefaultCallObservationConvention() {
                  @Override
                  public KeyValues getHighCardinalityKeyValues(CallObservationContext c) {
                    return super.getHighCardinalityKeyValues(c).and("leak", K.apiBare.value());
                  }
                })
            .build();
    try {
      leaky.keys().delete("key_1"); // the canned liveness body is not delete's: it fails after
    } catch (RuntimeException expected) {
      // the events are what this test scans
    }
    LeakScanner scanner = new LeakScanner().add(K.root).add(K.apiBare);
    List<Leak> found = new ArrayList<>();
    for (String e; (e = events.poll()) != null; ) {
      found.addAll(scanner.scan("event", "control", e));
    }
    assertThat(found).extracting(Leak::canary).contains(K.root.label(), K.apiBare.label());
  }
}
