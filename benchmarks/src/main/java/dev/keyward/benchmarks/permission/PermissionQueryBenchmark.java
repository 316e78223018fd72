package dev.keyward.benchmarks.permission;

import dev.keyward.permission.PermissionQuery;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * Permission queries. Targets (ratios to baselines in the same run):
 *
 * <ul>
 *   <li>{@code evaluateParsed} (a parsed 6-term query against 20 granted permissions) is at least
 *       10x faster than {@code evaluateReparseEachTime} (the naive evaluator that parses the string
 *       on every check) and under 100 ns/op; baseline {@code baselineSixContains}: the same 6
 *       {@code HashSet.contains} calls on the same set.
 *   <li>{@code parse100} (a 100-character query) under 1 us; baseline {@code baselineSplit100}:
 *       {@code String.split} of the same query.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class PermissionQueryBenchmark {
  /** Six terms; every term is evaluated (the OR's first branch fails, the ANDs all hold). */
  static final String QUERY6 =
      "(api.*.update_key OR api.api_1234abcd.update_key)"
          + " AND rbac.*.add_permission_to_key AND rbac.*.remove_permission_from_key"
          + " AND api.*.read_key AND identity.*.read_identity";

  /** Exactly 100 characters. */
  static final String QUERY100 =
      "(api.*.verify_key OR api.api_1234abcd.verify_key) AND rbac.*.read_role AND (abc.def.gh OR"
          + " hij.klm.n)";

  private Set<String> granted;
  private PermissionQuery parsed;
  private String[] terms;

  @Setup
  public void setUp() {
    granted = new HashSet<>();
    granted.add("api.api_1234abcd.update_key");
    granted.add("rbac.*.add_permission_to_key");
    granted.add("rbac.*.remove_permission_from_key");
    granted.add("api.*.read_key");
    granted.add("identity.*.read_identity");
    for (int i = granted.size(); i < 20; i++) {
      granted.add("api.api_filler" + i + ".verify_key");
    }
    parsed = PermissionQuery.parse(QUERY6);
    terms = parsed.permissions().toArray(new String[0]);
    if (granted.size() != 20 || terms.length != 6 || !parsed.evaluate(granted)) {
      throw new IllegalStateException("benchmark setup is wrong");
    }
    String padded = QUERY100;
    if (padded.length() != 100) {
      throw new IllegalStateException("QUERY100 has " + padded.length() + " characters");
    }
  }

  @Benchmark
  public boolean evaluateParsed() {
    return parsed.evaluate(granted);
  }

  @Benchmark
  public int baselineSixContains() {
    Set<String> g = granted;
    String[] t = terms;
    // non-short-circuit: all six lookups happen, as in the evaluation above
    return (g.contains(t[0]) ? 1 : 0)
        + (g.contains(t[1]) ? 2 : 0)
        + (g.contains(t[2]) ? 4 : 0)
        + (g.contains(t[3]) ? 8 : 0)
        + (g.contains(t[4]) ? 16 : 0)
        + (g.contains(t[5]) ? 32 : 0);
  }

  @Benchmark
  public boolean evaluateReparseEachTime() {
    return PermissionQuery.parse(QUERY6).evaluate(granted);
  }

  @Benchmark
  public PermissionQuery parse100() {
    return PermissionQuery.parse(QUERY100);
  }

  @Benchmark
  public String[] baselineSplit100() {
    return QUERY100.split(" ");
  }
}
