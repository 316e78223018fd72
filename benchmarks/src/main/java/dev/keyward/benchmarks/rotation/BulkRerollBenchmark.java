package dev.keyward.benchmarks.rotation;

import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.rotation.ApiKeyRotation;
import dev.keyward.rotation.BulkRerollReport;
import dev.keyward.rotation.RotationJournal;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A bulk reroll over HTTP against {@link FakeUnkeyServer} with a workspace rate limit of {@code
 * limit} per {@code windowMillis}, against the baseline of its theoretical minimum: the same number
 * of requests (listing pages and rerolls) sent at exactly limit/window, i.e. a sleep of that
 * length. The target is a ratio of at most 1.15 (throughput at least 0.85 of the limit) over at
 * least 5 windows, with zero failed keys (a failure throws, which JMH reports).
 *
 * <p>Standalone: {@code java -cp benchmarks.jar
 * dev.keyward.benchmarks.rotation.BulkRerollBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(3)
public class BulkRerollBenchmark {
  @Param({"150"})
  public int limit;

  @Param({"1000"})
  public int windowMillis;

  /** Keys per run: 5 windows' worth by default. */
  @Param({"750"})
  public int keys;

  @Param({"8"})
  public int concurrency;

  private InMemoryUnkey workspace;
  private FakeUnkeyServer server;
  private UnkeyHttpClient client;
  private String apiId;
  private Path journalDir;
  private final AtomicInteger run = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();

  @Setup(Level.Trial)
  public void startServer() {
    workspace = InMemoryUnkey.builder().build();
    server = FakeUnkeyServer.start(workspace);
    server.workspaceRateLimit(limit, Duration.ofMillis(windowMillis));
    server.addListener(
        x -> {
          if (x.status() == 429) {
            rateLimited.incrementAndGet();
          }
        });
    client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url())
            .rootKey(server.bootstrapKey())
            .retryPolicy(RetryPolicy.none())
            .noHttpLogging()
            .build();
  }

  @Setup(Level.Invocation)
  public void createKeys() throws IOException {
    apiId = workspace.apis().create(CreateApiRequest.of("bench-" + run.incrementAndGet())).apiId();
    for (int i = 0; i < keys; i++) {
      workspace.keys().create(CreateKeyRequest.builder(apiId).prefix("sk").build());
    }
    journalDir = Files.createTempDirectory("keyward-bulk-bench");
  }

  @TearDown(Level.Trial)
  public void stopServer() {
    server.close();
  }

  /** The bulk reroll, paced to the known limit. */
  @Benchmark
  public BulkRerollReport bulkReroll() {
    BulkRerollReport report =
        ApiKeyRotation.bulk(client, apiId)
            .concurrency(concurrency)
            .pace(limit, Duration.ofMillis(windowMillis))
            .journal(RotationJournal.open(journalDir))
            .onNewKey((old, created) -> {})
            .build()
            .run();
    if (!report.failed().isEmpty() || report.rerolled() != keys) {
      throw new IllegalStateException(
          "failed keys: " + report.failed().size() + ", rerolled " + report.rerolled());
    }
    return report;
  }

  /**
   * The theoretical minimum: as many requests as the bulk reroll sends, at exactly limit/window.
   */
  @Benchmark
  public long baselineTheoreticalMinimum() throws InterruptedException {
    long requests = keys + (keys + 99) / 100;
    long nanos = requests * TimeUnit.MILLISECONDS.toNanos(windowMillis) / limit;
    TimeUnit.NANOSECONDS.sleep(nanos);
    return nanos;
  }

  /** Runs one bulk reroll outside JMH and prints throughput against the limit. */
  public static void main(String[] args) throws IOException {
    BulkRerollBenchmark benchmark = new BulkRerollBenchmark();
    benchmark.limit = args.length > 0 ? Integer.parseInt(args[0]) : 150;
    benchmark.windowMillis = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    benchmark.keys = args.length > 2 ? Integer.parseInt(args[2]) : 750;
    benchmark.concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    benchmark.startServer();
    try {
      for (int i = 0; i < 3; i++) {
        benchmark.createKeys();
        long start = System.nanoTime();
        BulkRerollReport report = benchmark.bulkReroll();
        double seconds = (System.nanoTime() - start) / 1e9;
        double requests = benchmark.keys + (benchmark.keys + 99) / 100.0;
        double limitPerSecond = benchmark.limit * 1000.0 / benchmark.windowMillis;
        System.out.printf(
            "run %d: %d keys in %.3f s, %.0f requests/s = %.3f of the limit (%d failed, %d 429s)%n",
            i,
            report.rerolled(),
            seconds,
            requests / seconds,
            requests / seconds / limitPerSecond,
            report.failed().size(),
            benchmark.rateLimited.getAndSet(0));
      }
    } finally {
      benchmark.stopServer();
    }
  }
}
