package dev.keyward.benchmarks.key;

import dev.keyward.key.KeyFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code KeyFormat.hash} (base64 of SHA-256 of UTF-8) against the bare SHA-256 of the same bytes:
 * the ratio is keyward's overhead (encoding, digest lookup, base64).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class KeyFormatHashBenchmark {
  private final String key = "sk_live_3ZxKq8mPv7RtWbN2cYhJdE4fGs";
  private final byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);

  @Benchmark
  public String hash() {
    return KeyFormat.hash(key);
  }

  @Benchmark
  public byte[] baselineSha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(keyBytes);
  }
}
