package dev.keyward.http;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The key values of keyward's observation contexts, kept as two immutable {@code KeyValues}
 * replaced whole on each write. Micrometer's {@code Observation.Context} keeps them in a {@code
 * ConcurrentHashMap} (one put per key, and a sort of every value each time a handler reads them);
 * an observed call writes its keys in four batches, and the puts were most of its observation's
 * cost ({@code ClientObservationBenchmark}). A write is a compare-and-set of the whole set, so
 * concurrent writes all land; reads see the last complete write; empty writes write nothing. Both
 * contexts override every {@code Context} method that reads or writes key values one by one ({@code
 * ContextKeyValuesTest} fails when Micrometer adds one they do not).
 */
final class ContextKeyValues {
  private static final VarHandle LOW;
  private static final VarHandle HIGH;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      LOW = lookup.findVarHandle(ContextKeyValues.class, "low", KeyValues.class);
      HIGH = lookup.findVarHandle(ContextKeyValues.class, "high", KeyValues.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("FieldMayBeFinal") // written through LOW
  private volatile KeyValues low = KeyValues.empty();

  @SuppressWarnings("FieldMayBeFinal") // written through HIGH
  private volatile KeyValues high = KeyValues.empty();

  KeyValues low() {
    return low;
  }

  KeyValues high() {
    return high;
  }

  /** Adds {@code values} to the low-cardinality ones; a key already present takes the new value. */
  void addLow(KeyValues values) {
    if (values != KeyValues.empty()) {
      update(LOW, current -> merge(current, values));
    }
  }

  /**
   * Adds {@code values} to the high-cardinality ones; a key already present takes the new value.
   */
  void addHigh(KeyValues values) {
    if (values != KeyValues.empty()) {
      update(HIGH, current -> merge(current, values));
    }
  }

  void removeLow(String key) {
    update(LOW, current -> without(current, key));
  }

  void removeHigh(String key) {
    update(HIGH, current -> without(current, key));
  }

  private void update(VarHandle field, UnaryOperator<KeyValues> change) {
    KeyValues current;
    KeyValues next;
    do {
      current = (KeyValues) field.getVolatile(this);
      next = change.apply(current);
    } while (next != current && !field.compareAndSet(this, current, next));
  }

  /**
   * {@code current} and {@code added}, {@code added} winning on a shared key; {@code added} itself
   * when it has every key of {@code current} (a convention's set at the stop usually holds its set
   * at the start).
   */
  static KeyValues merge(KeyValues current, KeyValues added) {
    if (current == KeyValues.empty()) {
      return added;
    }
    for (KeyValue kv : current) {
      if (find(added, kv.getKey()) == null) {
        return current.and(added);
      }
    }
    return added;
  }

  static @Nullable KeyValue find(KeyValues values, String key) {
    for (KeyValue kv : values) {
      if (kv.getKey().equals(key)) {
        return kv;
      }
    }
    return null;
  }

  private static KeyValues without(KeyValues values, String key) {
    return find(values, key) == null
        ? values
        : KeyValues.of(values.stream().filter(kv -> !kv.getKey().equals(key)).toList());
  }
}
