package dev.keyward.benchmarks.redact;

import dev.keyward.redact.Redactor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
 * {@code Redactor} on a 200-character log line, against the baseline of DESIGN.md: one precompiled
 * {@link Pattern} covering the same prefixes with their base58 tail, bearer tokens and the
 * JSON-field alternation, {@code find()} per line.
 *
 * <p>Targets: {@code redactClean} ≤ 100 ns and ≥ 20× faster than {@code regexFindClean}; {@code
 * redactWithKey} ≤ 3× {@code redactClean}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class RedactorBenchmark {
  /**
   * A typical application log line without secrets (200 characters, a few candidate characters).
   */
  static final String CLEAN_LINE =
      pad(
          "2026-05-01 12:00:00.123 INFO  [http-nio-8080-exec-1] c.e.api.OrderController -"
              + " order_id=81723 processed for customer \"acme\" by batch-7: 3 items, total=99.50"
              + " EUR, region=eu-west-1");

  /** The same kind of line holding one API key. */
  static final String KEY_LINE =
      pad(
          "2026-05-01 12:00:00.123 INFO  [http-nio-8080-exec-1] c.e.api.KeyController - verified"
              + " sk_live_8fKq2RtYwPz3Nv7Hc5JmQwe for customer \"acme\" by batch-7: valid=true,"
              + " region=eu-west-1");

  Redactor redactor;
  Pattern pattern;

  @Setup
  public void setUp() {
    redactor = Redactor.builder().prefix("sk_live").build();
    pattern =
        Pattern.compile(
            "(?:unkey|sk_live)_[1-9A-HJ-NP-Za-km-z]{8,}"
                + "|(?i:bearer)\\s+\\S+"
                + "|\"(?i:key|rootKey|plaintext|authorization)\"\\s*:\\s*\"[^\"]*\"");
    check(
        !redactor.containsSecret(CLEAN_LINE) && !pattern.matcher(CLEAN_LINE).find(),
        "clean line is clean");
    check(
        redactor.redact(KEY_LINE).contains("sk_live_8fKq****") && pattern.matcher(KEY_LINE).find(),
        "key line has a key");
    check(CLEAN_LINE.length() == 200 && KEY_LINE.length() == 200, "200-character lines");
  }

  @Benchmark
  public String redactClean() {
    return redactor.redact(CLEAN_LINE);
  }

  @Benchmark
  public String redactWithKey() {
    return redactor.redact(KEY_LINE);
  }

  @Benchmark
  public boolean regexFindClean() {
    return pattern.matcher(CLEAN_LINE).find();
  }

  @Benchmark
  public boolean regexFindWithKey() {
    return pattern.matcher(KEY_LINE).find();
  }

  private static String pad(String line) {
    StringBuilder sb = new StringBuilder(line);
    while (sb.length() < 200) {
      sb.append(' ').append("ok");
    }
    return sb.substring(0, 200);
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark setup: " + what);
    }
  }
}
