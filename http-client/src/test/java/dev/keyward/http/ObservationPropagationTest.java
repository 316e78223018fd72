package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trace propagation under load and under a registry that disables one of keyward's observations:
 * every attempt carries its own span's context, whatever thread runs it.
 */
class ObservationPropagationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  InMemorySpanExporter spans;
  ValidatingDispatcher answers;
  OtelTracing tracing;
  ObservationRegistry registry;

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    tracing = new OtelTracing();
    spans = tracing.spans;
    registry = tracing.registry;
  }

  @AfterEach
  void tearDown() {
    tracing.close();
    answers.assertValid();
  }

  UnkeyHttpClient client() {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(UnkeyHttpClientTest.ROOT)
        .clock(time)
        .sleeper(time)
        .observationRegistry(registry)
        .build();
  }

  List<RecordedRequest> taken(int n) throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(server.takeRequest(5, TimeUnit.SECONDS));
    }
    return out;
  }

  /** The span id in a {@code traceparent} ({@code 00-<trace>-<span>-<flags>}). */
  static String spanIdOf(String traceparent) {
    return traceparent.split("-")[2];
  }

  @Test
  void concurrentAsyncCallsEachPropagateTheirOwnAttemptSpan() throws Exception {
    int calls = 24;
    for (int i = 0; i < calls; i++) {
      answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
    }
    UnkeyHttpClient c = client();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      all.add(c.async().keys().verify(ObservationTracingTest.API_KEY));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

    List<SpanData> finished = spans.getFinishedSpanItems();
    Map<String, SpanData> byId =
        finished.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    List<SpanData> attempts =
        finished.stream().filter(s -> s.getName().equals("POST /v2/keys.verifyKey")).toList();
    assertThat(attempts).hasSize(calls);
    assertThat(finished).hasSize(2 * calls);
    Set<String> parents = new HashSet<>();
    Set<String> traces = new HashSet<>();
    for (SpanData a : attempts) {
      SpanData call = byId.get(a.getParentSpanId());
      assertThat(call.getName()).isEqualTo("unkey keys.verifyKey");
      assertThat(call.getTraceId()).isEqualTo(a.getTraceId());
      parents.add(call.getSpanId());
      traces.add(a.getTraceId());
    }
    assertThat(parents).as("one call span per attempt").hasSize(calls);
    assertThat(traces).as("a trace per call").hasSize(calls);
    Set<String> sent = new HashSet<>();
    for (RecordedRequest r : taken(calls)) {
      String traceparent = r.getHeaders().get("traceparent");
      SpanData attempt = byId.get(spanIdOf(traceparent));
      assertThat(attempt.getName()).isEqualTo("POST /v2/keys.verifyKey");
      assertThat(traceparent).contains(attempt.getTraceId());
      sent.add(attempt.getSpanId());
    }
    assertThat(sent).as("each request carried its own attempt's span").hasSize(calls);
    ObservationTracingTest.assertNoSecretIn(finished);
  }

  /**
   * A registry whose predicate turns the call observation off and keeps the attempts (HTTP client
   * spans only) still gets its attempt spans and the trace header, each attempt a child of the
   * current observation.
   */
  @Test
  void attemptsAreObservedWhenOnlyTheCallObservationIsDisabled() throws Exception {
    registry
        .observationConfig()
        .observationPredicate(
            (name, context) -> !name.equals(DefaultCallObservationConvention.NAME));
    answers.enqueue(500, RetryTest.FAIL_500).enqueue(200, ObservationTracingTest.WHOAMI_OK);
    Observation outer = Observation.start("outer", registry);
    outer.scoped(
        () ->
            assertThat(client().keys().whoami(ObservationTracingTest.API_KEY).keyId())
                .isNotEmpty());
    outer.stop();

    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData parent = finished.stream().filter(s -> s.getName().equals("outer")).findFirst().get();
    List<SpanData> attempts =
        finished.stream().filter(s -> s.getName().equals("POST /v2/keys.whoami")).toList();
    assertThat(finished).hasSize(3);
    assertThat(attempts)
        .hasSize(2)
        .allSatisfy(
            a -> {
              assertThat(a.getParentSpanId()).isEqualTo(parent.getSpanId());
              assertThat(a.getTraceId()).isEqualTo(parent.getTraceId());
            });
    List<RecordedRequest> sent = taken(2);
    assertThat(spanIdOf(sent.get(0).getHeaders().get("traceparent")))
        .isEqualTo(attempts.get(0).getSpanId());
    assertThat(spanIdOf(sent.get(1).getHeaders().get("traceparent")))
        .isEqualTo(attempts.get(1).getSpanId());
  }
}
