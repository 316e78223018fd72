package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keyward's contexts against Micrometer's own {@code Observation.Context}, fed the same seeded
 * random run of key-value calls (single and batch adds, duplicates within a batch, empty batches,
 * single and varargs removals, reads of all, one side and one key, null arguments): after every
 * call both must have thrown the same exception type or returned the same values.
 */
class ContextKeyValuesDifferentialTest {
  static final String[] KEYS = {"a", "b", "c", "d", "e", "f"};

  static Stream<Arguments> runs() {
    List<Supplier<Observation.Context>> contexts =
        List.of(
            () -> new CallObservationContext(ContextKeyValuesTest.CALL),
            () ->
                new AttemptObservationContext(
                    ContextKeyValuesTest.CALL,
                    1,
                    new HashMap<>(),
                    new ObservationKeys.Server("unkey.test", 443)));
    List<Arguments> out = new ArrayList<>();
    for (long seed = 1; seed <= 40; seed++) {
      for (int i = 0; i < contexts.size(); i++) {
        out.add(Arguments.of(seed, i == 0 ? "call" : "attempt", contexts.get(i)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "seed {0} on {1}")
  @MethodSource("runs")
  void behavesAsMicrometersContext(long seed, String kind, Supplier<Observation.Context> make) {
    Random random = new Random(seed);
    Observation.Context theirs = new Observation.Context();
    Observation.Context ours = make.get();
    List<String> log = new ArrayList<>();
    for (int step = 0; step < 300; step++) {
      Function<Observation.Context, Object> op = operation(random, log);
      String expected = outcome(op, theirs);
      String actual = outcome(op, ours);
      assertThat(actual).as("seed %d, after %s", seed, log).isEqualTo(expected);
      // and every read agrees after every step
      for (Function<Observation.Context, Object> read : reads()) {
        assertThat(outcome(read, ours))
            .as("seed %d, after %s", seed, log)
            .isEqualTo(outcome(read, theirs));
      }
    }
  }

  static String outcome(Function<Observation.Context, Object> op, Observation.Context c) {
    try {
      Object value = op.apply(c);
      return value == c ? "this" : String.valueOf(value);
    } catch (RuntimeException e) {
      return "threw " + e.getClass().getName();
    }
  }

  static List<Function<Observation.Context, Object>> reads() {
    List<Function<Observation.Context, Object>> out = new ArrayList<>();
    out.add(Observation.Context::getLowCardinalityKeyValues);
    out.add(Observation.Context::getHighCardinalityKeyValues);
    out.add(Observation.Context::getAllKeyValues);
    for (String k : KEYS) {
      out.add(c -> c.getLowCardinalityKeyValue(k));
      out.add(c -> c.getHighCardinalityKeyValue(k));
    }
    return out;
  }

  static String key(Random r) {
    return KEYS[r.nextInt(KEYS.length)];
  }

  static KeyValue keyValue(Random r) {
    return KeyValue.of(key(r), Integer.toString(r.nextInt(4)));
  }

  /** A batch of 0..5 values, duplicates of a key likely. */
  static KeyValues batch(Random r) {
    int n = r.nextInt(6);
    List<KeyValue> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(keyValue(r));
    }
    return r.nextBoolean() ? KeyValues.of(values) : KeyValues.of(values.toArray(KeyValue[]::new));
  }

  static Function<Observation.Context, Object> operation(Random r, List<String> log) {
    boolean low = r.nextBoolean();
    String side = low ? "low" : "high";
    int kind = r.nextInt(100);
    if (kind < 25) {
      KeyValue kv = keyValue(r);
      log.add("add " + side + " " + kv);
      return low ? c -> c.addLowCardinalityKeyValue(kv) : c -> c.addHighCardinalityKeyValue(kv);
    }
    if (kind < 50) {
      KeyValues kvs = batch(r);
      log.add("addAll " + side + " " + kvs);
      return low ? c -> c.addLowCardinalityKeyValues(kvs) : c -> c.addHighCardinalityKeyValues(kvs);
    }
    if (kind < 62) {
      String k = key(r);
      log.add("remove " + side + " " + k);
      return low ? c -> c.removeLowCardinalityKeyValue(k) : c -> c.removeHighCardinalityKeyValue(k);
    }
    if (kind < 72) {
      String[] ks = new String[r.nextInt(4)];
      for (int i = 0; i < ks.length; i++) {
        ks[i] = key(r);
      }
      log.add("removeAll " + side + " " + List.of(ks));
      return low
          ? c -> c.removeLowCardinalityKeyValues(ks)
          : c -> c.removeHighCardinalityKeyValues(ks);
    }
    if (kind < 92) {
      Function<Observation.Context, Object> read = reads().get(r.nextInt(reads().size()));
      log.add("read");
      return read;
    }
    return nullArgument(r.nextInt(7), low, side, log);
  }

  /** A careless caller's null argument. */
  static Function<Observation.Context, Object> nullArgument(
      int which, boolean low, String side, List<String> log) {
    log.add("null " + which + " " + side);
    return switch (which) {
      case 0 ->
          low ? c -> c.addLowCardinalityKeyValues(null) : c -> c.addHighCardinalityKeyValues(null);
      case 1 ->
          low ? c -> c.addLowCardinalityKeyValue(null) : c -> c.addHighCardinalityKeyValue(null);
      case 2 ->
          low
              ? c -> c.removeLowCardinalityKeyValue(null)
              : c -> c.removeHighCardinalityKeyValue(null);
      case 3 ->
          low
              ? c -> c.removeLowCardinalityKeyValues((String[]) null)
              : c -> c.removeHighCardinalityKeyValues((String[]) null);
      case 4 ->
          low
              ? c -> c.removeLowCardinalityKeyValues("a", null)
              : c -> c.removeHighCardinalityKeyValues("a", null);
      case 5 ->
          low ? c -> c.getLowCardinalityKeyValue(null) : c -> c.getHighCardinalityKeyValue(null);
      default ->
          low
              ? c -> c.addLowCardinalityKeyValue(KeyValue.of("a", null))
              : c -> c.addHighCardinalityKeyValue(KeyValue.of("a", null));
    };
  }
}
