package dev.keyward.http.internal;

import com.squareup.moshi.JsonWriter;
import dev.keyward.model.Patch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes one JSON document. Optional fields that are null are left out; only {@link #patch} and
 * {@link #nullValue} write JSON {@code null}, so a clear is sent as {@code null} and nothing else
 * is.
 */
final class WireWriter {
  private final JsonWriter json;

  WireWriter(JsonWriter json) {
    this.json = json;
    json.setSerializeNulls(true);
  }

  private WireWriter name(String name) {
    try {
      json.name(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Starts an object. */
  WireWriter begin() {
    try {
      json.beginObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Starts an array (for bodies that are arrays). */
  WireWriter beginArray() {
    try {
      json.beginArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Ends an array. */
  WireWriter endArray() {
    try {
      json.endArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes an optional cursor: never {@code null} and never empty. */
  WireWriter cursor(@Nullable String cursor) {
    return cursor == null || cursor.isEmpty() ? this : str("cursor", cursor);
  }

  /** Ends an object. */
  WireWriter end() {
    try {
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes any JSON value tree (maps, lists, strings, numbers, booleans, null). */
  WireWriter value(@Nullable Object value) {
    try {
      JsonTree.write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes {@code name} with a JSON value tree (maps, lists, strings, numbers, booleans, null). */
  WireWriter json(String name, @Nullable Object tree) {
    return name(name).value(tree);
  }

  /** Writes {@code name: null}. */
  WireWriter nullValue(String name) {
    return name(name).value(null);
  }

  /** A required string. */
  WireWriter str(String name, String value) {
    return name(name).value(value);
  }

  /** An optional string: left out when null. */
  WireWriter optStr(String name, @Nullable String value) {
    return value == null ? this : str(name, value);
  }

  /** A required integer. */
  WireWriter lng(String name, long value) {
    return name(name).value(value);
  }

  /** An optional integer: left out when null. */
  WireWriter optLong(String name, @Nullable Number value) {
    return value == null ? this : lng(name, value.longValue());
  }

  /** A number of any kind. */
  WireWriter num(String name, Number value) {
    return name(name).value(value);
  }

  /** A required boolean. */
  WireWriter bool(String name, boolean value) {
    return name(name).value(value);
  }

  /** An optional boolean: left out when null. */
  WireWriter optBool(String name, @Nullable Boolean value) {
    return value == null ? this : bool(name, value);
  }

  /** An instant as epoch milliseconds. */
  WireWriter instant(String name, Instant value) {
    return lng(name, value.toEpochMilli());
  }

  /** An optional instant: left out when null. */
  WireWriter optInstant(String name, @Nullable Instant value) {
    return value == null ? this : instant(name, value);
  }

  /** A duration in milliseconds. */
  WireWriter millis(String name, Duration value) {
    return lng(name, value.toMillis());
  }

  /** An optional duration: left out when null. */
  WireWriter optMillis(String name, @Nullable Duration value) {
    return value == null ? this : millis(name, value);
  }

  /** An array of strings, written even when empty. */
  WireWriter strings(String name, List<String> values) {
    return name(name).value(values);
  }

  /** An array of strings, left out when null or empty. */
  WireWriter optStrings(String name, @Nullable List<String> values) {
    return values == null || values.isEmpty() ? this : strings(name, values);
  }

  /** A JSON object of arbitrary values, left out when null or empty. */
  WireWriter meta(String name, @Nullable Map<String, ?> meta) {
    return meta == null || meta.isEmpty() ? this : name(name).value(meta);
  }

  /** A JSON object of arbitrary values, written even when empty. */
  WireWriter metaAlways(String name, Map<String, ?> meta) {
    return name(name).value(meta);
  }

  /** A nested object written by {@code body}. */
  WireWriter obj(String name, Consumer<WireWriter> body) {
    name(name).begin();
    body.accept(this);
    return end();
  }

  /** An optional nested object: left out when {@code value} is null. */
  <T> WireWriter optObj(String name, @Nullable T value, BiConsumer<WireWriter, T> body) {
    if (value == null) {
      return this;
    }
    name(name).begin();
    body.accept(this, value);
    return end();
  }

  /** An array of objects, written even when empty. */
  <T> WireWriter list(String name, List<T> items, BiConsumer<WireWriter, T> item) {
    name(name);
    try {
      json.beginArray();
      for (T t : items) {
        begin();
        item.accept(this, t);
        end();
      }
      json.endArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** An array of objects, left out when empty. */
  <T> WireWriter optList(String name, List<T> items, BiConsumer<WireWriter, T> item) {
    return items.isEmpty() ? this : list(name, items, item);
  }

  /**
   * A three-state field: absent writes nothing, clear writes {@code null}, set writes {@code
   * toJson}'s value tree (a string, number, boolean, map or list).
   */
  <T> WireWriter patch(String name, Patch<T> patch, Function<T, @Nullable Object> toJson) {
    if (patch.isAbsent()) {
      return this;
    }
    if (patch.isClear()) {
      return nullValue(name);
    }
    return name(name).value(toJson.apply(patch.value()));
  }

  /** A three-state field whose set value is written as is (string, number, boolean, map, list). */
  <T> WireWriter patch(String name, Patch<T> patch) {
    return patch(name, patch, v -> v);
  }
}
