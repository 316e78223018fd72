package dev.keyward.http;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The key values of keyward's observation contexts. Micrometer's {@code Observation.Context} keeps
 * them in a {@code ConcurrentHashMap}: one put per key on every write, and a sort of every value
 * each time a handler reads them; for an observed call those puts were most of the observation's
 * cost ({@code ClientObservationBenchmark}). Here a write records the {@code KeyValues} it was
 * given with one compare-and-set (so concurrent writes all land), and the first read merges what
 * was written, later keys winning, and keeps the result: an observation whose handlers never read
 * its key values never merges them. Both contexts override every {@code Context} method that reads
 * or writes key values ({@code ContextKeyValuesTest} fails when Micrometer adds one they do not).
 */
final class ContextKeyValues {
  private static final VarHandle LOW;
  private static final VarHandle HIGH;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      LOW = lookup.findVarHandle(ContextKeyValues.class, "low", Object.class);
      HIGH = lookup.findVarHandle(ContextKeyValues.class, "high", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** {@code KeyValues} once merged, else the {@link Written} writes since. */
  @SuppressWarnings("FieldMayBeFinal") // written through LOW
  private volatile Object low = KeyValues.empty();

  @SuppressWarnings("FieldMayBeFinal") // written through HIGH
  private volatile Object high = KeyValues.empty();

  KeyValues low() {
    return read(LOW);
  }

  KeyValues high() {
    return read(HIGH);
  }

  /** Adds {@code values} to the low-cardinality ones; a key already present takes the new value. */
  void addLow(KeyValues values) {
    add(LOW, values);
  }

  /**
   * Adds {@code values} to the high-cardinality ones; a key already present takes the new value.
   */
  void addHigh(KeyValues values) {
    add(HIGH, values);
  }

  void removeLow(String key) {
    remove(LOW, key);
  }

  void removeHigh(String key) {
    remove(HIGH, key);
  }

  /** {@code keyValue} alone; null throws, as Micrometer's {@code Context} does. */
  static KeyValues one(KeyValue keyValue) {
    return KeyValues.of(Objects.requireNonNull(keyValue, "keyValue is null"));
  }

  private void add(VarHandle field, KeyValues values) {
    // a null stored here would break every later read: throw now, as Micrometer's Context does
    Objects.requireNonNull(values, "keyValues is null");
    if (values == KeyValues.empty()) {
      return;
    }
    Object current;
    Object next;
    do {
      current = field.getVolatile(this);
      next = current == KeyValues.empty() ? values : new Written(current, values);
    } while (!field.compareAndSet(this, current, next));
  }

  private KeyValues read(VarHandle field) {
    Object state = field.getVolatile(this);
    if (state instanceof KeyValues values) {
      return values;
    }
    KeyValues merged = ((Written) state).merge();
    // a write since this read keeps its own state, merged again on the next read
    field.compareAndSet(this, state, merged);
    return merged;
  }

  private void remove(VarHandle field, String key) {
    Objects.requireNonNull(key, "key is null");
    Object current;
    KeyValues next;
    do {
      current = field.getVolatile(this);
      KeyValues values = current instanceof KeyValues merged ? merged : ((Written) current).merge();
      next =
          find(values, key) == null
              ? values
              : KeyValues.of(values.stream().filter(kv -> !kv.getKey().equals(key)).toList());
    } while (!field.compareAndSet(this, current, next));
  }

  /** The value of {@code key} (null throws, as Micrometer's {@code Context} does), else null. */
  static @Nullable KeyValue find(KeyValues values, String key) {
    Objects.requireNonNull(key, "key is null");
    for (KeyValue kv : values) {
      if (kv.getKey().equals(key)) {
        return kv;
      }
    }
    return null;
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
    return holdsEveryKey(added, current) ? added : current.and(added);
  }

  /** Whether {@code values} has every key of {@code keys}: one walk, both being sorted by key. */
  private static boolean holdsEveryKey(KeyValues values, KeyValues keys) {
    Iterator<KeyValue> candidates = values.iterator();
    for (KeyValue wanted : keys) {
      String key = wanted.getKey();
      int order;
      do {
        if (!candidates.hasNext()) {
          return false;
        }
        String candidate = candidates.next().getKey();
        order = candidate == key ? 0 : candidate.compareTo(key);
      } while (order < 0);
      if (order > 0) {
        return false;
      }
    }
    return true;
  }

  /** Key values written after {@code before} (merged or not), not merged yet. */
  private record Written(Object before, KeyValues added) {
    KeyValues merge() {
      ArrayDeque<KeyValues> writes = new ArrayDeque<>();
      Object state = this;
      while (state instanceof Written w) {
        writes.push(w.added);
        state = w.before;
      }
      KeyValues merged = (KeyValues) state;
      for (KeyValues next : writes) {
        merged = ContextKeyValues.merge(merged, next);
      }
      return merged;
    }
  }
}
