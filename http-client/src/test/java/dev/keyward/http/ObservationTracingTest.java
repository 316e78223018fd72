package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.NotFoundException;
import dev.keyward.key.Secret;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With Micrometer's tracing bridge to OpenTelemetry, a call becomes a span whose children are its
 * attempts, tagged with OpenTelemetry's HTTP client keys, and none holds a key.
 */
class ObservationTracingTest {
  static final Secret API_KEY = Secret.of("sk_tr4c3dK3yNeverInASpanXyz123");
  static final String VERIFY_OK =
      "{\"meta\":{\"requestId\":\"req_ok\"},\"data\":{\"valid\":true,\"code\":\"VALID\"}}";
  static final String WHOAMI_OK = OperationsTest.data("req_ok", OperationsTest.KEY_INFO);
  static final String NOT_FOUND =
      "{\"meta\":{\"requestId\":\"req_404\"},\"error\":{\"title\":\"Not Found\",\"detail\":\"x\","
          + "\"status\":404,\"type\":\"https://unkey.com/docs/errors/unkey/data/key_not_found\"}}";

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
    if (answers != null) {
      answers.assertValid();
    }
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

  @Test
  void aRetriedCallIsOneSpanWithAChildSpanPerAttempt() throws Exception {
    answers.enqueue(500, RetryTest.FAIL_500).enqueue(200, WHOAMI_OK);
    assertThat(client().keys().whoami(API_KEY).keyId()).isEqualTo("key_12345678");

    List<SpanData> all = spans.getFinishedSpanItems();
    assertThat(all).hasSize(3);
    SpanData call =
        all.stream().filter(s -> s.getName().equals("unkey keys.whoami")).findFirst().get();
    List<SpanData> attempts =
        all.stream()
            .filter(s -> s != call)
            .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
            .toList();
    assertThat(attempts)
        .allSatisfy(
            a -> {
              assertThat(a.getName()).isEqualTo("POST /v2/keys.whoami");
              assertThat(a.getKind()).isEqualTo(SpanKind.CLIENT);
              assertThat(a.getParentSpanId()).isEqualTo(call.getSpanId());
              assertThat(a.getTraceId()).isEqualTo(call.getTraceId());
              assertThat(attr(a, "http.request.method")).isEqualTo("POST");
              assertThat(attr(a, "server.address")).isEqualTo(server.getHostName());
              assertThat(attr(a, "server.port")).isEqualTo(Integer.toString(server.getPort()));
              assertThat(attr(a, "url.template")).isEqualTo("/v2/keys.whoami");
            });
    assertThat(attr(attempts.get(0), "http.response.status_code")).isEqualTo("500");
    assertThat(attr(attempts.get(0), "error.type")).isEqualTo("500");
    assertThat(attr(attempts.get(0), "http.request.resend_count")).isEqualTo("0");
    assertThat(attr(attempts.get(1), "http.response.status_code")).isEqualTo("200");
    assertThat(attr(attempts.get(1), "error.type")).isEqualTo("none");
    assertThat(attr(attempts.get(1), "http.request.resend_count")).isEqualTo("1");
    assertThat(attr(call, "unkey.operation")).isEqualTo("keys.whoami");
    assertThat(attr(call, "outcome")).isEqualTo("SUCCESS");
    assertThat(attr(call, "http.response.status_code")).isEqualTo("200");
    assertThat(attr(call, "unkey.attempts")).isEqualTo("2");
    assertThat(attr(call, "unkey.request_id")).isEqualTo("req_ok");

    // each attempt carried its own span's context to the server
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getHeaders().get("traceparent"))
        .contains(call.getTraceId())
        .contains(attempts.get(0).getSpanId());
    assertThat(second.getHeaders().get("traceparent")).contains(attempts.get(1).getSpanId());

    assertNoSecretIn(all);
  }

  @Test
  void aFailedCallSpanNamesItsOutcomeAndErrorType() {
    answers.enqueue(404, NOT_FOUND);
    assertThatThrownBy(() -> client().keys().verify(API_KEY)).isInstanceOf(NotFoundException.class);
    SpanData call =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().startsWith("unkey "))
            .findFirst()
            .get();
    assertThat(attr(call, "outcome")).isEqualTo("CLIENT_ERROR");
    assertThat(attr(call, "error.type")).isEqualTo(NotFoundException.class.getName());
    assertThat(attr(call, "http.response.status_code")).isEqualTo("404");
    assertNoSecretIn(spans.getFinishedSpanItems());
  }

  @Test
  void aNoopRegistryRecordsNothingAndSendsNoTraceHeader() throws Exception {
    answers.enqueue(200, VERIFY_OK);
    UnkeyHttpClient c =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .observationRegistry(ObservationRegistry.NOOP)
            .build();
    assertThat(c.keys().verify(API_KEY).valid()).isTrue();
    assertThat(spans.getFinishedSpanItems()).isEmpty();
    assertThat(server.takeRequest().getHeaders().get("traceparent")).isNull();
  }

  private static String attr(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  /** Every span's name, attributes and events (with their attributes) hold neither key. */
  static void assertNoSecretIn(List<SpanData> all) {
    String dump =
        all.stream()
            .map(
                s ->
                    s.getName()
                        + " "
                        + s.getAttributes()
                        + " "
                        + s.getEvents().stream()
                            .map(e -> e.getName() + e.getAttributes())
                            .collect(Collectors.joining(",")))
            .collect(Collectors.joining("\n"));
    assertThat(dump).contains("url.template"); // the dump is real
    for (Secret s : List.of(API_KEY, UnkeyHttpClientTest.ROOT)) {
      assertThat(dump).doesNotContain(s.reveal()).doesNotContain(s.reveal().substring(8));
    }
  }
}
