package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.NotFoundException;
import dev.keyward.key.Secret;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Careless or hostile observation code: conventions returning null, handlers throwing in {@code
 * onError} or throwing an {@code Error}, a registry-wide convention. A call still answers and no
 * observation a handler saw start is left open (a meter's long task timer or a span would leak).
 */
class ObservationHostileTest {
  static final Secret API_KEY = Secret.of("sk_h0st1leObs3rv3rK3yNeverSh0wn7");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final List<String> events = Collections.synchronizedList(new ArrayList<>());
  ValidatingDispatcher answers;
  CapturedLogs logs;
  ObservationRegistry registry;
  final Open open = new Open();

  /** The contexts started and not stopped; registered first, so notified last at the stop. */
  static final class Open implements ObservationHandler<Observation.Context> {
    final Set<Observation.Context> contexts =
        Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    final AtomicInteger started = new AtomicInteger();

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }

    @Override
    public void onStart(Observation.Context context) {
      started.incrementAndGet();
      contexts.add(context);
    }

    @Override
    public void onStop(Observation.Context context) {
      contexts.remove(context);
    }
  }

  /** Reads every key value at start and stop, as a meter or tracing handler does. */
  static final class Reader implements ObservationHandler<Observation.Context> {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }

    @Override
    public void onStart(Observation.Context context) {
      seen.add(context.getName() + " start " + context.getAllKeyValues());
    }

    @Override
    public void onStop(Observation.Context context) {
      seen.add(context.getName() + " stop " + context.getAllKeyValues());
    }
  }

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
    logs = new CapturedLogs();
    registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(open);
  }

  @AfterEach
  void tearDown() {
    logs.close();
    answers.assertValid();
  }

  UnkeyHttpClient.Builder client() {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(UnkeyHttpClientTest.ROOT)
        .clock(time)
        .sleeper(time)
        .observationRegistry(registry)
        .eventListener(
            new EventListener() {
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
  }

  void assertNoSecretLogged() {
    assertThat(logs.text())
        .doesNotContain(API_KEY.reveal())
        .doesNotContain(UnkeyHttpClientTest.ROOT.reveal());
  }

  /**
   * A convention answering null at the start. Micrometer's own context throws on a null set before
   * any handler saw the start; keyward's kept the null and failed every later read, so a handler
   * saw the observation start and never saw it stop (a meter's long task timer, a span, left open).
   * A null at the stop leaves the observation open with Micrometer's context too (no handler sees
   * the stop, as when the convention throws there): keyward only keeps the call working then.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aConventionAnsweringNullLeavesNoObservationOpen(boolean atStart) throws Exception {
    registry.observationConfig().observationHandler(new Reader());
    answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
    answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
    UnkeyHttpClient c =
        client()
            .callObservationConvention(
                new DefaultCallObservationConvention() {
                  @Override
                  public KeyValues getHighCardinalityKeyValues(CallObservationContext context) {
                    return context.ended() == atStart
                        ? super.getHighCardinalityKeyValues(context)
                        : null;
                  }
                })
            .attemptObservationConvention(
                new DefaultAttemptObservationConvention() {
                  @Override
                  public KeyValues getLowCardinalityKeyValues(AttemptObservationContext context) {
                    return context.ended() == atStart
                        ? super.getLowCardinalityKeyValues(context)
                        : null;
                  }
                })
            .build();

    assertThat(c.keys().verify(API_KEY).valid()).isTrue();
    assertThat(c.async().keys().verify(API_KEY).get(10, TimeUnit.SECONDS).valid()).isTrue();

    assertThat(events).containsExactly("end 200", "end 200");
    if (atStart) {
      assertThat(open.contexts).as("observations started and never stopped").isEmpty();
    } else {
      assertThat(open.started.get()).isEqualTo(4);
    }
    assertThat(logs.text()).contains(NullPointerException.class.getName());
    assertNoSecretLogged();
  }

  /**
   * A handler throwing in {@code onError} (which Micrometer calls before the stop) must not keep
   * the call's observation from stopping.
   */
  @Test
  void aHandlerThrowingOnErrorStillLetsTheCallStop() throws Exception {
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }

              @Override
              public void onError(Observation.Context context) {
                throw new IllegalStateException("onError saw " + API_KEY.reveal());
              }
            });
    answers.enqueue(404, ObservationTracingTest.NOT_FOUND);
    answers.enqueue(404, ObservationTracingTest.NOT_FOUND);
    UnkeyHttpClient c = client().build();

    assertThatThrownBy(() -> c.keys().verify(API_KEY)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> c.async().keys().verify(API_KEY).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(NotFoundException.class);

    assertThat(open.started.get()).isEqualTo(4); // two calls, one attempt each
    assertThat(open.contexts).as("observations started and never stopped").isEmpty();
    assertThat(events).containsExactly("end 404", "end 404");
    assertThat(logs.text()).contains("failed at the call's error");
    assertNoSecretLogged();
  }

  /**
   * An {@code Error} from observation code (a tracing bridge built against another library version
   * throws {@code NoSuchMethodError}; a test handler's assertion an {@code AssertionError}) is no
   * reason to fail a key check either: the call answers and ends, as with a RuntimeException.
   */
  @ParameterizedTest
  @ValueSource(strings = {"onStart", "onStop", "convention"})
  void anErrorFromObservationCodeDoesNotFailTheCall(String where) throws Exception {
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
                if (where.equals("onStart")) {
                  throw new NoSuchMethodError("io.opentelemetry... " + API_KEY.reveal());
                }
              }

              @Override
              public void onStop(Observation.Context context) {
                if (where.equals("onStop")) {
                  throw new NoSuchMethodError("io.opentelemetry... " + API_KEY.reveal());
                }
              }
            });
    answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
    answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
    UnkeyHttpClient c =
        client()
            .attemptObservationConvention(
                new DefaultAttemptObservationConvention() {
                  @Override
                  public KeyValues getLowCardinalityKeyValues(AttemptObservationContext context) {
                    if (where.equals("convention") && context.ended()) {
                      throw new AssertionError("convention saw " + API_KEY.reveal());
                    }
                    return super.getLowCardinalityKeyValues(context);
                  }
                })
            .build();

    assertThat(c.keys().verify(API_KEY).valid()).isTrue();
    assertThat(c.async().keys().verify(API_KEY).get(10, TimeUnit.SECONDS).valid()).isTrue();

    assertThat(events).containsExactly("end 200", "end 200");
    assertThat(logs.text())
        .contains("Observing keys.verifyKey failed at")
        .contains(where.equals("convention") ? "AssertionError" : "NoSuchMethodError")
        .doesNotContain("saw ")
        .doesNotContain("io.opentelemetry...");
    assertNoSecretLogged();
  }

  /** A registry-wide convention for keyward's contexts replaces the default one. */
  @Test
  void aGlobalConventionOnTheRegistryTakesEffect() {
    Reader reader = new Reader();
    registry
        .observationConfig()
        .observationHandler(reader)
        .observationConvention(
            new GlobalObservationConvention<CallObservationContext>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return context instanceof CallObservationContext;
              }

              @Override
              public String getName() {
                return "acme.unkey.call";
              }

              @Override
              public KeyValues getLowCardinalityKeyValues(CallObservationContext context) {
                return KeyValues.of(KeyValue.of("op", context.operation().wireName()))
                    .and("done", Boolean.toString(context.ended()));
              }
            });
    answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
    assertThat(client().build().keys().verify(API_KEY).valid()).isTrue();

    assertThat(reader.seen)
        .contains(
            "acme.unkey.call start [keyValue(done=false),keyValue(op=keys.verifyKey)]",
            "acme.unkey.call stop [keyValue(done=true),keyValue(op=keys.verifyKey)]")
        .anyMatch(s -> s.startsWith("unkey.client.attempt stop "));
    // an explicit convention on the builder wins over the registry's
    answers.enqueue(200, ObservationTracingTest.VERIFY_OK);
    reader.seen.clear();
    client()
        .callObservationConvention(new DefaultCallObservationConvention())
        .build()
        .keys()
        .verify(API_KEY);
    assertThat(reader.seen).anyMatch(s -> s.startsWith("unkey.client.call stop "));
    assertThat(open.contexts).isEmpty();
  }
}
