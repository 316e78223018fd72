package dev.keyward.benchmarks.http;

import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.Verification;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code keys.verifyKey} round trip through {@link UnkeyHttpClient} against a loopback
 * MockWebServer, against the baseline: a hand-written OkHttp call sending the byte-identical
 * pre-built JSON to the same server and reading the body as a string. Target: {@code keyward /
 * rawOkHttp ≤ 1.10}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class ClientRoundTripBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");

  private MockWebServer server;
  private UnkeyHttpClient keyward;
  private OkHttpClient raw;
  private Request rawRequest;

  @Setup
  public void setUp() throws Exception {
    Canned.quietLogs();
    server = new MockWebServer();
    server.setServerSocketFactory(new Canned.NoDelayServerSocketFactory());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(Canned.RESPONSE_JSON)
                .build();
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
    keyward = UnkeyHttpClient.builder().baseUrl(server.url("/")).rootKey(Canned.ROOT_KEY).build();
    raw = new OkHttpClient.Builder().build();
    rawRequest =
        new Request.Builder()
            .url(server.url("/v2/keys.verifyKey"))
            .header("Authorization", "Bearer " + Canned.ROOT_KEY.reveal())
            .post(RequestBody.create(Canned.REQUEST_JSON, JSON))
            .build();

    Verification v = keyward.keys().verify(Canned.REQUEST);
    if (!v.valid()) {
      throw new IllegalStateException("keyward call did not read a valid verification");
    }
    String keywardBody = server.takeRequest().getBody().utf8();
    try (Response r = raw.newCall(rawRequest).execute()) {
      if (r.code() != 200) {
        throw new IllegalStateException("raw call answered " + r.code());
      }
    }
    String rawBody = server.takeRequest().getBody().utf8();
    if (!keywardBody.equals(rawBody)) {
      throw new IllegalStateException("the two clients do not send byte-identical JSON");
    }
  }

  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // MockWebServer records every request; drop them so the heap stays flat
    }
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  @Benchmark
  public Verification keyward() {
    return keyward.keys().verify(Canned.REQUEST);
  }

  @Benchmark
  public String rawOkHttp() throws IOException {
    try (Response r = raw.newCall(rawRequest).execute()) {
      return r.body().string();
    }
  }
}
