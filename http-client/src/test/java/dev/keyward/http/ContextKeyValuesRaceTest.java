package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Many threads adding, removing and reading on one context: a thread always reads back what it
 * wrote and no longer sees what it removed, whatever the others do, and no write is lost (a removal
 * or a merge that wrote over a concurrent write would lose it).
 */
class ContextKeyValuesRaceTest {
  static final int THREADS = 6;
  static final int ROUNDS = 3_000;

  @RepeatedTest(3)
  void eachThreadSeesItsOwnWritesAndRemovals(org.junit.jupiter.api.RepetitionInfo repetition)
      throws Exception {
    Observation.Context c =
        repetition.getCurrentRepetition() % 2 == 0
            ? new CallObservationContext(ContextKeyValuesTest.CALL)
            : new AttemptObservationContext(
                ContextKeyValuesTest.CALL,
                1,
                new HashMap<>(),
                new ObservationKeys.Server("unkey.test", 443));
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        done.add(pool.submit(() -> run(c, id, start)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> low = keys(c.getLowCardinalityKeyValues());
    List<String> high = keys(c.getHighCardinalityKeyValues());
    List<String> expectedLow = new ArrayList<>(List.of("shared"));
    List<String> expectedHigh = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      expectedLow.add("t" + t + ".keep");
      expectedHigh.add("t" + t + ".keep");
    }
    assertThat(low).containsExactlyInAnyOrderElementsOf(expectedLow);
    assertThat(high).containsExactlyInAnyOrderElementsOf(expectedHigh);
    assertThat(c.getAllKeyValues().stream().count()).isEqualTo(expectedLow.size());
  }

  static List<String> keys(KeyValues values) {
    return values.stream().map(KeyValue::getKey).collect(Collectors.toList());
  }

  static Void run(Observation.Context c, int id, CyclicBarrier start) throws Exception {
    Random random = new Random(id);
    String mine = "t" + id + ".";
    start.await();
    for (int i = 0; i < ROUNDS; i++) {
      String key = mine + (i % 5);
      String value = Integer.toString(i);
      boolean low = random.nextBoolean();
      switch (random.nextInt(3)) {
        case 0 -> {
          if (low) {
            c.addLowCardinalityKeyValue(KeyValue.of(key, value));
          } else {
            c.addHighCardinalityKeyValue(KeyValue.of(key, value));
          }
        }
        case 1 -> {
          KeyValues batch = KeyValues.of(key, "dup", key, value); // the later duplicate wins
          if (low) {
            c.addLowCardinalityKeyValues(batch);
          } else {
            c.addHighCardinalityKeyValues(batch);
          }
        }
        default -> {
          KeyValues batch = KeyValues.of(key, value, "shared", mine);
          if (low) {
            c.addLowCardinalityKeyValues(batch);
          } else {
            c.addLowCardinalityKeyValues(batch);
            c.addHighCardinalityKeyValues(KeyValues.of(key, value));
          }
        }
      }
      KeyValue seen = low ? c.getLowCardinalityKeyValue(key) : c.getHighCardinalityKeyValue(key);
      assertThat(seen).as("thread %d round %d", id, i).isEqualTo(KeyValue.of(key, value));
      if (random.nextBoolean()) {
        if (low) {
          c.removeLowCardinalityKeyValue(key);
        } else {
          c.removeHighCardinalityKeyValues(key, mine + "absent");
        }
        seen = low ? c.getLowCardinalityKeyValue(key) : c.getHighCardinalityKeyValue(key);
        assertThat(seen).as("thread %d round %d removed", id, i).isNull();
      }
      if (i % 7 == 0) {
        c.getAllKeyValues();
      }
    }
    for (int k = 0; k < 5; k++) {
      c.removeLowCardinalityKeyValues(mine + k);
      c.removeHighCardinalityKeyValue(mine + k);
    }
    c.addLowCardinalityKeyValue(KeyValue.of(mine + "keep", "1"));
    c.addHighCardinalityKeyValues(KeyValues.of(mine + "keep", "1"));
    return null;
  }
}
