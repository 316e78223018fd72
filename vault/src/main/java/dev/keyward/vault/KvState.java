package dev.keyward.vault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * keyward's bookkeeping for one KV secret, kept as the string field {@value #FIELD} of the data of
 * the very version it describes (so check-and-set guards it together with the values): which KV
 * version holds the CURRENT, PENDING and PREVIOUS value, and which idempotency token created which
 * version. It holds versions and tokens only, never a value. Spelled {@code
 * at=7;current=5;pending=7;previous=3;tokens=<token>:5,<token>:7}; 0 means none.
 */
final class KvState {
  /** The data field that holds the state. */
  static final String FIELD = "keyward-state";

  private static final Pattern SHAPE =
      Pattern.compile(
          "at=\\d{1,9}(;(current|pending|previous)=\\d{1,9})*(;tokens=([A-Za-z0-9_-]{1,64}:\\d{1,9}"
              + "(,[A-Za-z0-9_-]{1,64}:\\d{1,9})*)?)?");

  /** The KV version whose data holds this state; a state found in another version is stale. */
  final int at;

  final int current;
  final int pending;
  final int previous;

  /** Token → the KV version it created, for the versions still pending, current or previous. */
  final Map<String, Integer> tokens;

  KvState(int at, int current, int pending, int previous, Map<String, Integer> tokens) {
    this.at = at;
    this.current = current;
    this.pending = pending;
    this.previous = previous;
    Map<String, Integer> kept = new LinkedHashMap<>();
    tokens.forEach(
        (t, v) -> {
          if (v != 0 && (v == current || v == pending || v == previous)) {
            kept.put(t, v);
          }
        });
    this.tokens = kept;
  }

  /** No value at all. */
  static KvState empty(int at) {
    return new KvState(at, 0, 0, 0, Map.of());
  }

  /** The state in {@code data}, or null if it has none (a secret not written by keyward). */
  static @Nullable KvState parse(@Nullable Object field) {
    if (!(field instanceof String text) || !SHAPE.matcher(text).matches()) {
      return null;
    }
    int at = 0;
    int current = 0;
    int pending = 0;
    int previous = 0;
    Map<String, Integer> tokens = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      String key = part.substring(0, eq);
      String value = part.substring(eq + 1);
      switch (key) {
        case "at" -> at = Integer.parseInt(value);
        case "current" -> current = Integer.parseInt(value);
        case "pending" -> pending = Integer.parseInt(value);
        case "previous" -> previous = Integer.parseInt(value);
        default -> {
          for (String entry : value.split(",")) {
            if (!entry.isEmpty()) {
              int colon = entry.indexOf(':');
              tokens.put(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1)));
            }
          }
        }
      }
    }
    return new KvState(at, current, pending, previous, tokens);
  }

  /** The state written into the next KV version ({@code at + 1} under check-and-set). */
  KvState next(int current, int pending, int previous, @Nullable String token, int tokenVersion) {
    Map<String, Integer> t = new LinkedHashMap<>(tokens);
    if (token != null) {
      t.put(token, tokenVersion);
    }
    return new KvState(at + 1, current, pending, previous, t);
  }

  /** The token that created {@code version}, if known. */
  @Nullable String tokenOf(int version) {
    for (Map.Entry<String, Integer> e : tokens.entrySet()) {
      if (e.getValue() == version) {
        return e.getKey();
      }
    }
    return null;
  }

  String format() {
    StringBuilder b = new StringBuilder("at=").append(at);
    append(b, "current", current);
    append(b, "pending", pending);
    append(b, "previous", previous);
    if (!tokens.isEmpty()) {
      b.append(";tokens=");
      String sep = "";
      for (Map.Entry<String, Integer> e : tokens.entrySet()) {
        b.append(sep).append(e.getKey()).append(':').append(e.getValue());
        sep = ",";
      }
    }
    return b.toString();
  }

  private static void append(StringBuilder b, String key, int version) {
    if (version != 0) {
      b.append(';').append(key).append('=').append(version);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KvState s && s.format().equals(format());
  }

  @Override
  public int hashCode() {
    return Objects.hash(format());
  }

  @Override
  public String toString() {
    return format();
  }
}
