package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.NotFoundException;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a handler sees of the default conventions' key values at each observation's start and stop:
 * at the start the keys the start fixes, at the stop every key; keys added by users (a convention
 * subclass, a filter, a handler) survive to the stop.
 */
class ObservationKeyValuesTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final List<String> seen = new ArrayList<>();
  ValidatingDispatcher answers;
  ObservationRegistry registry;

  /** Records "name phase low | high" at each start and stop. */
  final class Recorder implements ObservationHandler<Observation.Context> {
    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }

    @Override
    public void onStart(Observation.Context context) {
      record(context, "start");
    }

    @Override
    public void onStop(Observation.Context context) {
      record(context, "stop");
    }

    private void record(Observation.Context c, String phase) {
      seen.add(
          c.getName()
              + " "
              + phase
              + " "
              + text(c.getLowCardinalityKeyValues())
              + " | "
              + text(c.getHighCardinalityKeyValues()));
    }
  }

  static String text(KeyValues values) {
    StringBuilder out = new StringBuilder();
    for (KeyValue kv : values) {
      out.append(out.length() == 0 ? "" : ",")
          .append(kv.getKey())
          .append('=')
          .append(kv.getValue());
    }
    return out.toString();
  }

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new Recorder());
  }

  @AfterEach
  void tearDown() {
    answers.assertValid();
  }

  UnkeyHttpClient.Builder client() {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(UnkeyHttpClientTest.ROOT)
        .clock(time)
        .sleeper(time)
        .observationRegistry(registry);
  }

  String attemptStart(String op) {
    return "http.request.method=POST,server.address="
        + server.getHostName()
        + ",server.port="
        + server.getPort()
        + ",unkey.operation="
        + op
        + ",url.template=/v2/"
        + op;
  }

  String attemptEnd(String op, int status, String error) {
    return "error.type="
        + error
        + ",http.request.method=POST,http.response.status_code="
        + status
        + ",server.address="
        + server.getHostName()
        + ",server.port="
        + server.getPort()
        + ",unkey.operation="
        + op
        + ",url.template=/v2/"
        + op;
  }

  @Test
  void aRetriedCallShowsTheStartKeysAtStartAndEveryKeyAtStop() {
    answers
        .enqueue(500, RetryTest.FAIL_500)
        .enqueue(200, ObservationTracingTest.WHOAMI_OK)
        .enqueue(200, ObservationTracingTest.VERIFY_OK);
    UnkeyHttpClient c = client().build();
    assertThat(c.keys().whoami(ObservationTracingTest.API_KEY).keyId()).isNotEmpty();

    String op = "keys.whoami";
    assertThat(seen)
        .containsExactly(
            "unkey.client.call start unkey.operation=keys.whoami | ",
            "unkey.client.attempt start " + attemptStart(op) + " | http.request.resend_count=0",
            "unkey.client.attempt stop "
                + attemptEnd(op, 500, "500")
                + " | "
                + "http.request.resend_count=0",
            "unkey.client.attempt start " + attemptStart(op) + " | http.request.resend_count=1",
            "unkey.client.attempt stop "
                + attemptEnd(op, 200, "none")
                + " | "
                + "http.request.resend_count=1",
            "unkey.client.call stop error.type=none,http.response.status_code=200,outcome=SUCCESS,"
                + "unkey.attempts=2,unkey.operation=keys.whoami | unkey.request_id=req_ok");

    // another operation, its sets cached from then on
    for (int i = 0; i < 2; i++) {
      seen.clear();
      if (i == 1) {
        answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
      }
      assertThat(c.keys().verify(ObservationTracingTest.API_KEY).valid()).isTrue();
      assertThat(seen.get(2))
          .isEqualTo(
              "unkey.client.attempt stop "
                  + attemptEnd("keys.verifyKey", 200, "none")
                  + " | http.request.resend_count=0");
      assertThat(seen.get(3))
          .isEqualTo(
              "unkey.client.call stop error.type=none,http.response.status_code=200,"
                  + "outcome=SUCCESS,unkey.attempts=1,unkey.operation=keys.verifyKey | "
                  + "unkey.request_id=req_ok");
    }
  }

  @Test
  void aFailedCallNamesItsOutcomeAndErrorAtStop() {
    answers.enqueue(404, ObservationTracingTest.NOT_FOUND);
    assertThatThrownBy(() -> client().build().keys().verify(ObservationTracingTest.API_KEY))
        .isInstanceOf(NotFoundException.class);
    assertThat(seen.get(2))
        .isEqualTo(
            "unkey.client.attempt stop "
                + attemptEnd("keys.verifyKey", 404, "404")
                + " | http.request.resend_count=0");
    assertThat(seen.get(3))
        .isEqualTo(
            "unkey.client.call stop error.type="
                + NotFoundException.class.getName()
                + ",http.response.status_code=404,outcome=CLIENT_ERROR,unkey.attempts=1,"
                + "unkey.operation=keys.verifyKey | unkey.request_id=req_404");
  }

  @Test
  void keysAddedByAConventionAFilterAndAHandlerSurviveToTheStop() {
    answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
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
                context.addLowCardinalityKeyValue(KeyValue.of("added.at.start", "handler"));
              }
            })
        .observationFilter(c -> c.addHighCardinalityKeyValue(KeyValue.of("filtered", "yes")));
    UnkeyHttpClient c =
        client()
            .callObservationConvention(
                new DefaultCallObservationConvention() {
                  @Override
                  public KeyValues getLowCardinalityKeyValues(CallObservationContext context) {
                    return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
                  }
                })
            .build();
    assertThat(c.keys().verify(ObservationTracingTest.API_KEY).valid()).isTrue();

    String callStop = seen.get(seen.size() - 1);
    assertThat(callStop)
        .startsWith("unkey.client.call stop added.at.start=handler,error.type=none,")
        .contains(",tenant=acme,unkey.attempts=1,")
        .endsWith("| filtered=yes,unkey.request_id=req_ok");
    assertThat(seen.get(0))
        .isEqualTo("unkey.client.call start tenant=acme,unkey.operation=keys.verifyKey | ");
    assertThat(seen.get(2))
        .contains("added.at.start=handler,error.type=none,")
        .endsWith("| filtered=yes,http.request.resend_count=0");
  }
}
