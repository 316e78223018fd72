package dev.keyward.benchmarks.http;

import dev.keyward.http.AttemptObservationContext;
import dev.keyward.http.AttemptObservationConvention;
import dev.keyward.http.CallObservationContext;
import dev.keyward.http.CallObservationConvention;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.Verification;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of Micrometer Observation on the off-network call ({@code keys.verifyKey} answered by an
 * OkHttp interceptor, as in {@link ClientOverheadBenchmark}): the same client with an {@code
 * ObservationRegistry} whose only handler does nothing (so every call and attempt observation is
 * created, started, tagged and stopped) against observation disabled. Target: {@code
 * observedNoopHandler / observationDisabled ≤ 1.05}. {@code observedNoKeyValues} is the same
 * observed client with conventions that add no key value: Micrometer's own cost of the two
 * observations, the floor under {@code observedNoopHandler}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ClientObservationBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final byte[] RESPONSE =
      Canned.RESPONSE_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private UnkeyHttpClient disabled;
  private UnkeyHttpClient observed;
  private UnkeyHttpClient observedNoKeys;

  @Setup
  public void setUp() {
    Canned.quietLogs();
    OkHttpClient canned =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .body(ResponseBody.create(RESPONSE, JSON))
                        .build())
            .build();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(context -> true);
    disabled = client(canned).build();
    observed = client(canned).observationRegistry(registry).build();
    observedNoKeys =
        client(canned)
            .observationRegistry(registry)
            .callObservationConvention(new NoCallKeys())
            .attemptObservationConvention(new NoAttemptKeys())
            .build();
    if (!disabled.keys().verify(Canned.REQUEST).valid()
        || !observed.keys().verify(Canned.REQUEST).valid()
        || !observedNoKeys.keys().verify(Canned.REQUEST).valid()) {
      throw new IllegalStateException("a benchmark did not read a valid verification");
    }
  }

  private static UnkeyHttpClient.Builder client(OkHttpClient canned) {
    return UnkeyHttpClient.builder()
        .baseUrl("http://unkey.invalid/")
        .rootKey(Canned.ROOT_KEY)
        .okHttpClient(canned);
  }

  @Benchmark
  public Verification observationDisabled() {
    return disabled.keys().verify(Canned.REQUEST);
  }

  @Benchmark
  public Verification observedNoopHandler() {
    return observed.keys().verify(Canned.REQUEST);
  }

  @Benchmark
  public Verification observedNoKeyValues() {
    return observedNoKeys.keys().verify(Canned.REQUEST);
  }

  /** Names the call observation, adds no key value. */
  static final class NoCallKeys implements CallObservationConvention {
    @Override
    public String getName() {
      return "unkey.client.call";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CallObservationContext context) {
      return KeyValues.empty();
    }
  }

  /** Names the attempt observation, adds no key value. */
  static final class NoAttemptKeys implements AttemptObservationConvention {
    @Override
    public String getName() {
      return "unkey.client.attempt";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(AttemptObservationContext context) {
      return KeyValues.empty();
    }
  }
}
