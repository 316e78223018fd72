package dev.keyward.testing;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object of a state snapshot with typed, path-checked field access. Every field read is
 * remembered, and {@link #done()} refuses fields this version does not know, so a file written by
 * another version (or edited by hand) is refused rather than half understood.
 */
final class SnapshotObject {
  private final String path;
  private final Map<?, ?> fields;
  private final Set<String> read = new LinkedHashSet<>();

  private SnapshotObject(String path, Map<?, ?> fields) {
    this.path = path;
    this.fields = fields;
  }

  /** {@code value} as an object at {@code path}. */
  static SnapshotObject of(String path, @Nullable Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidSnapshotException(path, "must be a JSON object");
    }
    return new SnapshotObject(path, map);
  }

  String path() {
    return path;
  }

  private String at(String name) {
    return path + "." + name;
  }

  private @Nullable Object raw(String name) {
    read.add(name);
    return fields.get(name);
  }

  private Object required(String name) {
    Object v = raw(name);
    if (v == null) {
      throw new InvalidSnapshotException(at(name), "is required");
    }
    return v;
  }

  /** A required string of 1..{@code max} characters. */
  String string(String name, int max) {
    String s = optString(name, max);
    if (s == null) {
      throw new InvalidSnapshotException(at(name), "is required");
    }
    return s;
  }

  /** An optional string of 1..{@code max} characters, or null. */
  @Nullable String optString(String name, int max) {
    Object v = raw(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new InvalidSnapshotException(at(name), "must be a string");
    }
    if (s.isEmpty() || s.length() > max) {
      throw new InvalidSnapshotException(at(name), "must be 1 to " + max + " characters");
    }
    return s;
  }

  boolean bool(String name) {
    if (!(required(name) instanceof Boolean b)) {
      throw new InvalidSnapshotException(at(name), "must be true or false");
    }
    return b;
  }

  /** A required integer in {@code min..max}. */
  long integer(String name, long min, long max) {
    Long v = optInteger(name, min, max);
    if (v == null) {
      throw new InvalidSnapshotException(at(name), "is required");
    }
    return v;
  }

  /** An optional integer in {@code min..max}, or null. */
  @Nullable Long optInteger(String name, long min, long max) {
    Object v = raw(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Long n) || n < min || n > max) {
      throw new InvalidSnapshotException(at(name), "must be an integer from " + min + " to " + max);
    }
    return n;
  }

  Instant instant(String name) {
    Instant i = optInstant(name);
    if (i == null) {
      throw new InvalidSnapshotException(at(name), "is required");
    }
    return i;
  }

  /** An optional ISO-8601 instant ({@code 2025-01-31T12:00:00Z}), or null. */
  @Nullable Instant optInstant(String name) {
    String s = optString(name, 64);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeException e) {
      throw new InvalidSnapshotException(at(name), "must be an ISO-8601 instant");
    }
  }

  /** A duration stored as whole milliseconds, at least {@code minMillis}. */
  Duration millis(String name, long minMillis) {
    return Duration.ofMillis(integer(name, minMillis, Long.MAX_VALUE / 1_000_000));
  }

  /** A required array of objects (an absent one is refused, so nothing is silently dropped). */
  List<SnapshotObject> objects(String name) {
    List<?> list = list(name);
    List<SnapshotObject> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(of(at(name) + "[" + i + "]", list.get(i)));
    }
    return out;
  }

  /** A required array of distinct strings. */
  List<String> strings(String name, int max) {
    List<?> list = list(name);
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s) || s.isEmpty() || s.length() > max) {
        throw new InvalidSnapshotException(
            at(name) + "[" + i + "]", "must be a string of 1 to " + max + " characters");
      }
      if (!out.add(s)) {
        throw new InvalidSnapshotException(at(name) + "[" + i + "]", "is a duplicate");
      }
    }
    return new ArrayList<>(out);
  }

  private List<?> list(String name) {
    if (!(required(name) instanceof List<?> list)) {
      throw new InvalidSnapshotException(at(name), "must be an array");
    }
    return list;
  }

  /** An optional JSON object kept as a tree ({@code meta}), or null. */
  @Nullable Map<String, Object> optTree(String name) {
    Object v = raw(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?>)) {
      throw new InvalidSnapshotException(at(name), "must be a JSON object");
    }
    @SuppressWarnings("unchecked") // SnapshotJson builds maps with String keys only
    Map<String, Object> tree = (Map<String, Object>) v;
    return tree;
  }

  /** Refuses fields that no accessor read. */
  void done() {
    for (Object name : fields.keySet()) {
      if (!read.contains(name)) {
        throw new InvalidSnapshotException(path, "has a field this version does not know");
      }
    }
  }
}
