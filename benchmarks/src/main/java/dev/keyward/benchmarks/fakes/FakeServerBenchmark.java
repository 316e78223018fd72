package dev.keyward.benchmarks.fakes;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
 * {@code HttpServer} (same executor size) answering the same canned verify body: target ≥ 5,000
 * req/s and ≥ 0.5× the baseline. Both are driven by one OkHttp client (HTTP/1.1 keep-alive, a pool
 * of 16 connections, TCP_NODELAY) sending byte-identical requests; both servers run with {@code
 * sun.net.httpserver.nodelay=true}, checked in setup by the keep-alive round-trip time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class FakeServerBenchmark {
  static {
    // The JDK reads this once, when the first HttpServer is created; at its default each keep-alive
    // POST stalls ~40 ms (Nagle plus delayed ACK), which would hide every other cost.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final MediaType JSON = MediaType.get("application/json");

  private FakeUnkeyServer fake;
  private HttpServer bare;
  private ExecutorService bareExecutor;
  private OkHttpClient client;
  private Request toFake;
  private Request toBare;

  @Setup
  public void setUp() throws Exception {
    InMemoryUnkey unkey = InMemoryUnkey.builder().build();
    String apiId = unkey.apis().create(CreateApiRequest.of("bench-api")).apiId();
    String key = unkey.keys().create(CreateKeyRequest.builder(apiId).build()).key().reveal();
    fake = FakeUnkeyServer.start(unkey);
    byte[] body = ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
    client =
        new OkHttpClient.Builder()
            .protocols(List.of(Protocol.HTTP_1_1))
            .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
            .socketFactory(new NoDelaySocketFactory())
            .retryOnConnectionFailure(false)
            .build();
    String rootKey = unkey.bootstrapKey().reveal();
    toFake = request(fake.url(), body, rootKey);
    byte[] cannedBody = call(toFake);

    bareExecutor = Executors.newFixedThreadPool(8);
    bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    bare.setExecutor(bareExecutor);
    bare.createContext(
        "/",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, cannedBody.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(cannedBody);
          }
        });
    bare.start();
    toBare = request("http://127.0.0.1:" + bare.getAddress().getPort(), body, rootKey);
    call(toBare);
    checkNoDelay(toFake, "fake");
    checkNoDelay(toBare, "bare");
    warmUp();
  }

  /**
   * On a loaded 2-core machine C2 needs longer than a few 1 s warmup iterations to compile the
   * client and both servers; drive both servers equally from 8 threads first so that measurement
   * starts near steady state.
   */
  private void warmUp() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (Request r : List.of(toFake, toBare, toFake, toBare)) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          running.add(
              threads.submit(
                  () -> {
                    while (System.nanoTime() < until) {
                      execute(r);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : running) {
          f.get();
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static Request request(String base, byte[] body, String rootKey) {
    return new Request.Builder()
        .url(base + "/v2/keys.verifyKey")
        .header("Authorization", "Bearer " + rootKey)
        .post(RequestBody.create(body, JSON))
        .build();
  }

  private byte[] call(Request request) throws IOException {
    try (Response r = client.newCall(request).execute()) {
      byte[] b = r.body().bytes();
      if (r.code() != 200) {
        throw new IllegalStateException("setup: " + request.url() + " answered " + r.code());
      }
      return b;
    }
  }

  /**
   * With Nagle on, every keep-alive POST stalls ~40 ms (Nagle plus delayed ACK); the fastest of 20
   * calls shows it even on a loaded machine.
   */
  private void checkNoDelay(Request request, String name) throws IOException {
    long fastest = Long.MAX_VALUE;
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      call(request);
      fastest = Math.min(fastest, System.nanoTime() - start);
    }
    if (fastest >= TimeUnit.MILLISECONDS.toNanos(20)) {
      throw new IllegalStateException(
          "setup: the fastest keep-alive POST to the "
              + name
              + " server took "
              + TimeUnit.NANOSECONDS.toMillis(fastest)
              + " ms; is sun.net.httpserver.nodelay in effect?");
    }
  }

  @TearDown
  public void tearDown() {
    fake.close();
    bare.stop(0);
    bareExecutor.shutdownNow();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** A verification through the fake server. */
  @Benchmark
  public int verifyThroughFakeServer() throws IOException {
    return execute(toFake);
  }

  /** Baseline: the same request to a bare HttpServer returning the canned answer. */
  @Benchmark
  public int baselineBareHttpServer() throws IOException {
    return execute(toBare);
  }

  private int execute(Request request) throws IOException {
    try (Response r = client.newCall(request).execute()) {
      // Read the whole body so the connection goes back to the pool.
      return r.code() + r.body().bytes().length;
    }
  }

  /** Client sockets with Nagle off, as the servers' sockets have it. */
  private static final class NoDelaySocketFactory extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      Socket s = delegate.createSocket();
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      Socket s = delegate.createSocket(host, port);
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      Socket s = delegate.createSocket(host, port, localHost, localPort);
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      Socket s = delegate.createSocket(host, port);
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      Socket s = delegate.createSocket(address, port, localAddress, localPort);
      s.setTcpNoDelay(true);
      return s;
    }
  }
}
