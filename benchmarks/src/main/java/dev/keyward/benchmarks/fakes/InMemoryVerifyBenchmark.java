package dev.keyward.benchmarks.fakes;

import dev.keyward.key.KeyFormat;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.TestClock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code InMemoryUnkey.keys().verify} on one thread against its baseline, {@code KeyFormat.hash}
 * plus a {@code ConcurrentHashMap.get}: target ≥ 1,000,000 ops/s and ≤ 5× the baseline's time per
 * op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InMemoryVerifyBenchmark {
  private InMemoryUnkey unkey;
  private String plaintext;
  private final ConcurrentHashMap<String, Object> byHash = new ConcurrentHashMap<>();

  /** Keeps the setup warm-up's results alive. */
  public int sink;

  @Setup
  public void setUp() {
    unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    String apiId = unkey.apis().create(CreateApiRequest.of("bench-api")).apiId();
    plaintext =
        unkey.keys().create(CreateKeyRequest.builder(apiId).prefix("sk").build()).key().reveal();
    byHash.put(KeyFormat.hash(plaintext), new Object());
    if (!unkey.keys().verify(plaintext).valid()) {
      throw new IllegalStateException("setup: key does not verify");
    }
    // On a loaded 2-core machine C2 needs longer than a few 1 s warmup iterations to finish the
    // deeper
    // verify path; warm both paths equally here so that measurement starts near steady state.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < until) {
      for (int i = 0; i < 10_000; i++) {
        sink ^= verify().requestId().length();
        sink ^= baselineHashAndLookup().hashCode();
      }
    }
  }

  /** The fake's verification; a new Secret each call, so the key is hashed each time. */
  @Benchmark
  public Verification verify() {
    return unkey.keys().verify(plaintext);
  }

  /** Baseline: hash the key and look it up. */
  @Benchmark
  public Object baselineHashAndLookup() {
    return byHash.get(KeyFormat.hash(plaintext));
  }
}
