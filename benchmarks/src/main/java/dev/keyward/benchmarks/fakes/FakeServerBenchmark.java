package dev.keyward.benchmarks.fakes;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.CreateApiRequest;
import dev.keyward.CreateKeyRequest;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code keys.verifyKey} through {@link FakeUnkeyServer} from 8 client threads, against a bare JDK
 * {@code HttpServer} (same executor size) answering the same canned verify body: target ≥ 5,000 req/s
 * and ≥ 0.5× the baseline. Both use one HTTP/1.1 {@code java.net.http.HttpClient} and byte-identical
 * requests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class FakeServerBenchmark {
  private FakeUnkeyServer fake;
  private HttpServer bare;
  private ExecutorService bareExecutor;
  private HttpClient client;
  private HttpRequest toFake;
  private HttpRequest toBare;

  @Setup
  public void setUp() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    InMemoryUnkey unkey = InMemoryUnkey.builder().build();
    String apiId = unkey.apis().create(CreateApiRequest.of("bench-api")).apiId();
    String key = unkey.keys().create(CreateKeyRequest.builder(apiId).build()).key().reveal();
    fake = FakeUnkeyServer.start(unkey);
    String body = "{\"key\":\"" + key + "\"}";
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    toFake = request(fake.url(), body, unkey.bootstrapKey().reveal());
    HttpResponse<byte[]> canned = client.send(toFake, HttpResponse.BodyHandlers.ofByteArray());
    if (canned.statusCode() != 200) {
      throw new IllegalStateException("setup: fake answered " + canned.statusCode());
    }
    byte[] cannedBody = canned.body();
    bareExecutor = Executors.newFixedThreadPool(8);
    bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    bare.setExecutor(bareExecutor);
    bare.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, cannedBody.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(cannedBody);
      }
    });
    bare.start();
    toBare = request("http://127.0.0.1:" + bare.getAddress().getPort(), body, unkey.bootstrapKey().reveal());
    if (client.send(toBare, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
      throw new IllegalStateException("setup: bare server did not answer 200");
    }
  }

  private static HttpRequest request(String base, String body, String rootKey) {
    return HttpRequest.newBuilder(URI.create(base + "/v2/keys.verifyKey"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + rootKey)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  @TearDown
  public void tearDown() {
    fake.close();
    bare.stop(0);
    bareExecutor.shutdownNow();
  }

  /** A verification through the fake server. */
  @Benchmark
  public int verifyThroughFakeServer() throws IOException, InterruptedException {
    return client.send(toFake, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
  }

  /** Baseline: the same request to a bare HttpServer returning the canned answer. */
  @Benchmark
  public int baselineBareHttpServer() throws IOException, InterruptedException {
    return client.send(toBare, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
  }
}
