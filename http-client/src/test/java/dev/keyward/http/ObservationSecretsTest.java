package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.NotFoundException;
import dev.keyward.key.Secret;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever a handler prints of keyward's contexts (toString, names, key values, the attempt's
 * carrier, the error; the observation's own toString, which holds its context's) names neither the
 * API key checked nor the root key, on success and on failure, sync and async.
 */
class ObservationSecretsTest {
  static final Secret API_KEY = Secret.of("sk_pr1ntedC0nt3xtK3yNeverSh0wnQ");

  @StartStop final MockWebServer server = new MockWebServer();
  final List<String> printed = Collections.synchronizedList(new ArrayList<>());
  ValidatingDispatcher answers;
  ObservationRegistry registry;

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }

              @Override
              public void onStart(Observation.Context context) {
                print(context);
              }

              @Override
              public void onError(Observation.Context context) {
                print(context);
              }

              @Override
              public void onStop(Observation.Context context) {
                print(context);
              }
            });
  }

  @AfterEach
  void tearDown() {
    answers.assertValid();
  }

  void print(Observation.Context c) {
    StringBuilder b = new StringBuilder();
    b.append(c).append(' ').append(c.getName()).append(' ').append(c.getContextualName());
    b.append(' ').append(c.getAllKeyValues());
    if (c instanceof AttemptObservationContext a) {
      b.append(" carrier=").append(a.getCarrier()).append(' ').append(a.getRemoteServiceAddress());
    }
    if (c.getError() != null) {
      b.append(' ').append(CapturedLogs.text(c.getError()));
    }
    io.micrometer.observation.ObservationView parent = c.getParentObservation();
    if (parent != null) {
      b.append(" parent=").append(parent);
    }
    printed.add(b.toString());
  }

  @Test
  void nothingAHandlerPrintsNamesAKey() throws Exception {
    answers
        .enqueue(200, ObservationTracingTest.VERIFY_OK)
        .enqueue(404, ObservationTracingTest.NOT_FOUND)
        .enqueue(200, ObservationTracingTest.VERIFY_OK);
    UnkeyHttpClient c =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .observationRegistry(registry)
            .build();

    assertThat(c.keys().verify(API_KEY).valid()).isTrue();
    assertThatThrownBy(() -> c.keys().verify(API_KEY)).isInstanceOf(NotFoundException.class);
    assertThat(c.async().keys().verify(API_KEY).get(10, TimeUnit.SECONDS).valid()).isTrue();

    String all = String.join("\n", printed);
    // the print is real: both contexts, start and stop, the error and the parent were printed
    assertThat(printed).hasSize(3 * 4 + 1);
    assertThat(all)
        .contains("CallObservationContext{CallView{POST /v2/keys.verifyKey")
        .contains("AttemptObservationContext{")
        .contains("unkey.request_id=req_404")
        .contains(NotFoundException.class.getName())
        .contains(" parent=");
    for (Secret s : List.of(API_KEY, UnkeyHttpClientTest.ROOT)) {
      assertThat(all).doesNotContain(s.reveal()).doesNotContain(s.reveal().substring(6));
    }
  }
}
