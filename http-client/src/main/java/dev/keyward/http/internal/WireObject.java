package dev.keyward.http.internal;

import dev.keyward.model.Patch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to a decoded JSON object. Every failure is a {@link WireFormatException} naming the
 * field (with its path), never the value.
 */
final class WireObject {
  private final Map<String, @Nullable Object> map;
  private final String path;

  WireObject(Map<String, @Nullable Object> map, String path) {
    this.map = map;
    this.path = path;
  }

  @SuppressWarnings("unchecked")
  static WireObject of(@Nullable Object value, String path) {
    if (!(value instanceof Map)) {
      throw new WireFormatException(path + " is not a JSON object");
    }
    return new WireObject((Map<String, @Nullable Object>) value, path);
  }

  /** True if the object has the field, even as {@code null}. */
  boolean has(String name) {
    return map.containsKey(name);
  }

  /** True if the field is present and not {@code null}. */
  boolean present(String name) {
    return map.get(name) != null;
  }

  /** The raw map (maps, lists, strings, Long, BigDecimal, Boolean, null). */
  Map<String, @Nullable Object> raw() {
    return Collections.unmodifiableMap(map);
  }

  private String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private Object required(String name) {
    Object v = map.get(name);
    if (v == null) {
      throw new WireFormatException("missing required field " + at(name));
    }
    return v;
  }

  /** A required string. */
  String str(String name) {
    Object v = required(name);
    if (!(v instanceof String s)) {
      throw new WireFormatException(at(name) + " is not a string");
    }
    return s;
  }

  /** An optional string. */
  @Nullable String optStr(String name) {
    return present(name) ? str(name) : null;
  }

  /** A required integral number. */
  long lng(String name) {
    Object v = required(name);
    if (!(v instanceof Long l)) {
      throw new WireFormatException(at(name) + " is not an integer");
    }
    return l;
  }

  /** An optional integral number. */
  @Nullable Long optLong(String name) {
    return present(name) ? lng(name) : null;
  }

  /** An optional int. */
  @Nullable Integer optInt(String name) {
    Long l = optLong(name);
    if (l == null) {
      return null;
    }
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw new WireFormatException(at(name) + " is out of range");
    }
    return l.intValue();
  }

  /** A required number of any kind, as a double. */
  double dbl(String name) {
    Object v = required(name);
    if (!(v instanceof Number n)) {
      throw new WireFormatException(at(name) + " is not a number");
    }
    return n.doubleValue();
  }

  /** A required boolean. */
  boolean bool(String name) {
    Object v = required(name);
    if (!(v instanceof Boolean b)) {
      throw new WireFormatException(at(name) + " is not a boolean");
    }
    return b;
  }

  /** An optional boolean. */
  @Nullable Boolean optBool(String name) {
    return present(name) ? bool(name) : null;
  }

  /** A required epoch-millisecond timestamp. */
  Instant instant(String name) {
    return Instant.ofEpochMilli(lng(name));
  }

  /** An optional epoch-millisecond timestamp. */
  @Nullable Instant optInstant(String name) {
    return present(name) ? instant(name) : null;
  }

  /** A required duration in milliseconds. */
  Duration millis(String name) {
    return Duration.ofMillis(lng(name));
  }

  /** An optional duration in milliseconds. */
  @Nullable Duration optMillis(String name) {
    return present(name) ? millis(name) : null;
  }

  /** A required nested object. */
  WireObject obj(String name) {
    return of(required(name), at(name));
  }

  /** An optional nested object. */
  @Nullable WireObject optObj(String name) {
    return present(name) ? obj(name) : null;
  }

  /** A JSON object of arbitrary values (e.g. {@code meta}); absent or null gives an empty map. */
  @SuppressWarnings("unchecked")
  Map<String, Object> meta(String name) {
    Object v = map.get(name);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map)) {
      throw new WireFormatException(at(name) + " is not a JSON object");
    }
    return (Map<String, Object>) v;
  }

  /** An array of objects mapped by {@code f}; absent or null gives an empty list. */
  <T> List<T> list(String name, Function<WireObject, T> f) {
    Object v = map.get(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> items)) {
      throw new WireFormatException(at(name) + " is not an array");
    }
    List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(f.apply(of(items.get(i), at(name) + "[" + i + "]")));
    }
    return out;
  }

  /** An array of strings; absent or null gives an empty list. */
  List<String> strings(String name) {
    Object v = map.get(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> items)) {
      throw new WireFormatException(at(name) + " is not an array");
    }
    List<String> out = new ArrayList<>(items.size());
    for (Object o : items) {
      if (!(o instanceof String s)) {
        throw new WireFormatException(at(name) + " holds a non-string");
      }
      out.add(s);
    }
    return out;
  }

  /** An optional array of strings: null when absent. */
  @Nullable List<String> optStrings(String name) {
    return present(name) ? strings(name) : null;
  }

  /** Passes the field, read by {@code f}, to {@code to} if it is present and not {@code null}. */
  <T> void ifPresent(String name, Function<String, T> f, Consumer<? super T> to) {
    if (present(name)) {
      to.accept(f.apply(name));
    }
  }

  /** A three-state field: absent, {@code null} (clear) or a value read by {@code f}. */
  <T> Patch<T> patch(String name, Function<String, T> f) {
    if (!map.containsKey(name)) {
      return Patch.absent();
    }
    if (map.get(name) == null) {
      return Patch.clear();
    }
    return Patch.set(f.apply(name));
  }
}
