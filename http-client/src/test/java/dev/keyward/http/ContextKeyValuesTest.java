package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.permission.Operation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keyward's observation contexts keep key values outside {@code Observation.Context}'s maps ({@link
 * ContextKeyValues}): they must behave as Micrometer's do, for every method Micrometer offers.
 */
class ContextKeyValuesTest {
  static final CallView CALL = new CallView(Operation.KEYS_VERIFY_KEY, null, "unkey.test", 443);

  static Stream<Supplier<Observation.Context>> contexts() {
    return Stream.of(
        () -> new CallObservationContext(CALL),
        () ->
            new AttemptObservationContext(
                CALL, 1, new HashMap<>(), new ObservationKeys.Server("unkey.test", 443)));
  }

  /** Every public method of {@code Context} that names key values, as Micrometer declares it. */
  static List<Method> keyValueMethods() {
    List<Method> out = new ArrayList<>();
    for (Method m : Observation.Context.class.getMethods()) {
      if (m.getName().contains("KeyValue") && !Modifier.isStatic(m.getModifiers())) {
        out.add(m);
      }
    }
    return out;
  }

  static List<String> notOverridden(Class<?> type) {
    List<String> missing = new ArrayList<>();
    for (Method m : keyValueMethods()) {
      try {
        Method found = type.getMethod(m.getName(), m.getParameterTypes());
        if (found.getDeclaringClass() != type) {
          missing.add(m.getName());
        }
      } catch (NoSuchMethodException e) {
        missing.add(m.getName());
      }
    }
    return missing;
  }

  @Test
  void bothContextsOverrideEveryKeyValueMethodMicrometerHas() {
    assertThat(keyValueMethods()).hasSizeGreaterThanOrEqualTo(13);
    assertThat(notOverridden(CallObservationContext.class)).isEmpty();
    assertThat(notOverridden(AttemptObservationContext.class)).isEmpty();
  }

  @Test
  void positiveControl_aContextOverridingNothingIsCaught() {
    class Plain extends Observation.Context {}
    assertThat(notOverridden(Plain.class))
        .contains("addLowCardinalityKeyValues", "getAllKeyValues");
  }

  @ParameterizedTest
  @MethodSource("contexts")
  void laterWritesWinAndEveryKeyIsKept(Supplier<Observation.Context> make) {
    Observation.Context c = make.get();
    c.addLowCardinalityKeyValues(KeyValues.of("a", "1", "b", "1"));
    c.addLowCardinalityKeyValue(KeyValue.of("b", "2"));
    c.addLowCardinalityKeyValues(KeyValues.of("c", "3"));
    c.addHighCardinalityKeyValue(KeyValue.of("h", "x"));
    c.addLowCardinalityKeyValues(KeyValues.empty());

    assertThat(c.getLowCardinalityKeyValues())
        .isEqualTo(KeyValues.of("a", "1", "b", "2", "c", "3"));
    assertThat(c.getLowCardinalityKeyValue("b")).isEqualTo(KeyValue.of("b", "2"));
    assertThat(c.getLowCardinalityKeyValue("h")).isNull();
    assertThat(c.getHighCardinalityKeyValue("h")).isEqualTo(KeyValue.of("h", "x"));
    assertThat(c.getAllKeyValues()).isEqualTo(KeyValues.of("a", "1", "b", "2", "c", "3", "h", "x"));
    // a read after a read, and a write after a read
    assertThat(c.getLowCardinalityKeyValues())
        .isEqualTo(KeyValues.of("a", "1", "b", "2", "c", "3"));
    c.addLowCardinalityKeyValues(KeyValues.of("a", "9"));
    assertThat(c.getLowCardinalityKeyValue("a")).isEqualTo(KeyValue.of("a", "9"));
    assertThat(c.toString()).contains("a=9").contains("h=x");
  }

  @ParameterizedTest
  @MethodSource("contexts")
  void removalsRemoveOnlyTheirKeys(Supplier<Observation.Context> make) {
    Observation.Context c = make.get();
    c.addLowCardinalityKeyValues(KeyValues.of("a", "1", "b", "2", "c", "3"));
    c.addHighCardinalityKeyValues(KeyValues.of("h", "1", "i", "2"));
    c.removeLowCardinalityKeyValue("b");
    c.removeLowCardinalityKeyValues("c", "absent");
    c.removeHighCardinalityKeyValues("i");
    c.removeHighCardinalityKeyValue("absent");
    assertThat(c.getLowCardinalityKeyValues()).isEqualTo(KeyValues.of("a", "1"));
    assertThat(c.getHighCardinalityKeyValues()).isEqualTo(KeyValues.of("h", "1"));
  }

  @Test
  void aSetHoldingEveryEarlierKeyIsKeptAsIs() {
    KeyValues start = KeyValues.of("b", "1", "d", "1");
    KeyValues end = KeyValues.of("a", "2", "b", "2", "c", "2", "d", "2");
    assertThat(ContextKeyValues.merge(start, end)).isSameAs(end);
    KeyValues partial = KeyValues.of("a", "2", "b", "2");
    assertThat(ContextKeyValues.merge(start, partial))
        .isEqualTo(KeyValues.of("a", "2", "b", "2", "d", "1"));
    assertThat(ContextKeyValues.merge(KeyValues.of("z", "1"), partial))
        .isEqualTo(KeyValues.of("a", "2", "b", "2", "z", "1"));
  }

  @Test
  void aLongRunOfUnreadWritesMergesWithoutRecursion() {
    Observation.Context c = new CallObservationContext(CALL);
    for (int i = 0; i < 200_000; i++) {
      c.addLowCardinalityKeyValue(KeyValue.of("k" + (i % 50), Integer.toString(i)));
    }
    KeyValues all = c.getLowCardinalityKeyValues();
    assertThat(all.stream().count()).isEqualTo(50);
    assertThat(c.getLowCardinalityKeyValue("k49")).isEqualTo(KeyValue.of("k49", "199999"));
  }

  @Test
  void concurrentWritersAllLand() throws Exception {
    int threads = 8;
    int each = 2_000;
    Observation.Context c = new CallObservationContext(CALL);
    CyclicBarrier start = new CyclicBarrier(threads);
    CountDownLatch allWriting = new CountDownLatch(threads);
    long[][] spans = new long[threads][2];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  spans[id][0] = System.nanoTime();
                  for (int i = 0; i < each; i++) {
                    c.addLowCardinalityKeyValue(KeyValue.of("t" + id + "." + i, "v"));
                    if (i == 0) { // no writer ends before every writer has written
                      allWriting.countDown();
                      allWriting.await();
                    }
                    if (i % 100 == 0) {
                      c.getLowCardinalityKeyValues(); // readers merge while others write
                    }
                  }
                  spans[id][1] = System.nanoTime();
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // the writers overlapped in time: each started before another had finished
    long lastStart = Stream.of(spans).mapToLong(s -> s[0]).max().getAsLong();
    long firstEnd = Stream.of(spans).mapToLong(s -> s[1]).min().getAsLong();
    assertThat(lastStart).isLessThan(firstEnd);
    assertThat(c.getLowCardinalityKeyValues().stream().count()).isEqualTo((long) threads * each);
  }
}
