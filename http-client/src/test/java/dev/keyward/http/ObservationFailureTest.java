package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A convention, handler or filter that throws never fails a call (as an {@code EventListener} never
 * does): the call returns its answer, the listener sees it end, the client keeps working, and the
 * log names the exception's class, never its message (which here holds a key).
 */
class ObservationFailureTest {
  static final Secret API_KEY = Secret.of("sk_0bs3rv3rThr0wsK3yNeverLogged9");

  @StartStop final MockWebServer server = new MockWebServer();
  ValidatingDispatcher answers;
  CapturedLogs logs;
  final List<String> events = new ArrayList<>();

  /** Where the hostile part throws. */
  enum Where {
    CALL_CONVENTION_START(c -> c instanceof CallObservationContext && !ended(c)),
    CALL_CONVENTION_STOP(c -> c instanceof CallObservationContext && ended(c)),
    ATTEMPT_CONVENTION_START(c -> c instanceof AttemptObservationContext && !ended(c)),
    ATTEMPT_CONVENTION_STOP(c -> c instanceof AttemptObservationContext && ended(c)),
    HANDLER_ON_START(null),
    HANDLER_ON_STOP(null),
    FILTER(null);

    final Predicate<Observation.Context> convention;

    Where(Predicate<Observation.Context> convention) {
      this.convention = convention;
    }

    static boolean ended(Observation.Context c) {
      return c instanceof CallObservationContext call
          ? call.ended()
          : ((AttemptObservationContext) c).ended();
    }
  }

  static RuntimeException boom() {
    return new IllegalStateException("hostile observer saw " + API_KEY.reveal());
  }

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    logs = new CapturedLogs();
  }

  @AfterEach
  void tearDown() {
    logs.close();
    answers.assertValid();
  }

  UnkeyHttpClient client(Where where) {
    ObservationRegistry registry = ObservationRegistry.create();
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
                if (where == Where.HANDLER_ON_START) {
                  throw boom();
                }
              }

              @Override
              public void onStop(Observation.Context context) {
                if (where == Where.HANDLER_ON_STOP) {
                  throw boom();
                }
              }
            });
    if (where == Where.FILTER) {
      registry
          .observationConfig()
          .observationFilter(
              c -> {
                throw boom();
              });
    }
    UnkeyHttpClient.Builder b =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .observationRegistry(registry)
            .eventListener(
                new EventListener() {
                  @Override
                  public void callStart(dev.keyward.permission.Operation op) {
                    events.add("start");
                  }

                  @Override
                  public void callEnd(
                      dev.keyward.permission.Operation op,
                      int status,
                      String requestId,
                      java.time.Duration latency,
                      int attempts) {
                    events.add("end " + status);
                  }
                });
    if (where.convention != null) {
      Predicate<Observation.Context> throwsOn = where.convention;
      b.callObservationConvention(
              new DefaultCallObservationConvention() {
                @Override
                public KeyValues getLowCardinalityKeyValues(CallObservationContext c) {
                  if (throwsOn.test(c)) {
                    throw boom();
                  }
                  return super.getLowCardinalityKeyValues(c);
                }
              })
          .attemptObservationConvention(
              new DefaultAttemptObservationConvention() {
                @Override
                public KeyValues getLowCardinalityKeyValues(AttemptObservationContext c) {
                  if (throwsOn.test(c)) {
                    throw boom();
                  }
                  return super.getLowCardinalityKeyValues(c);
                }
              });
    }
    return b.build();
  }

  @ParameterizedTest
  @EnumSource(Where.class)
  void theCallAnswersAndTheClientKeepsWorking(Where where) throws Exception {
    answers
        .enqueue(200, ObservationTracingTest.VERIFY_OK)
        .enqueue(200, ObservationTracingTest.VERIFY_OK)
        .enqueue(200, ObservationTracingTest.VERIFY_OK);
    UnkeyHttpClient c = client(where);

    Verification first = c.keys().verify(API_KEY);
    Verification second = c.keys().verify(API_KEY);
    Verification async = c.async().keys().verify(API_KEY).get(10, TimeUnit.SECONDS);

    assertThat(List.of(first, second, async)).allSatisfy(v -> assertThat(v.valid()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(events).containsExactly("start", "end 200", "start", "end 200", "start", "end 200");
    String logged = logs.text();
    assertThat(logged)
        .contains("Observing keys.verifyKey failed at")
        .contains(IllegalStateException.class.getName())
        .doesNotContain(API_KEY.reveal())
        .doesNotContain("hostile observer");
  }
}
