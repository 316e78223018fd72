package dev.keyward.testing;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The JSON tree of a state snapshot, read and written with Moshi's streaming API: maps, lists,
 * strings, booleans, nulls and numbers, where integral numbers are {@link Long} (or {@link
 * BigDecimal} beyond its range) and others {@link BigDecimal}, as the wire decoder keeps {@code
 * meta}. Errors name a JSON path and what is wrong, never a value (Moshi's own messages may).
 */
final class SnapshotJson {
  /** Deeper nesting is refused, so a crafted file cannot overflow the stack. */
  private static final int MAX_DEPTH = 64;

  private SnapshotJson() {}

  /** Parses one JSON document; trailing content is an error. */
  static @Nullable Object parse(byte[] json) {
    JsonReader reader = JsonReader.of(new Buffer().write(json));
    try {
      Object value = read(reader, 0);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new InvalidSnapshotException("$", "content after the JSON document");
      }
      return value;
    } catch (EOFException e) {
      throw new InvalidSnapshotException(reader.getPath(), "truncated JSON");
    } catch (JsonEncodingException | JsonDataException e) {
      throw new InvalidSnapshotException(reader.getPath(), "malformed JSON");
    } catch (IOException e) {
      throw new InvalidSnapshotException(reader.getPath(), "unreadable JSON");
    }
  }

  private static @Nullable Object read(JsonReader reader, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new InvalidSnapshotException(reader.getPath(), "nested deeper than " + MAX_DEPTH);
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (map.containsKey(name)) {
            throw new InvalidSnapshotException(reader.getPath(), "duplicate field");
          }
          map.put(name, read(reader, depth + 1));
        }
        reader.endObject();
        return Collections.unmodifiableMap(map);
      case BEGIN_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader, depth + 1));
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.getPath(), reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new InvalidSnapshotException(reader.getPath(), "malformed JSON");
    }
  }

  private static Number number(String path, String literal) {
    try {
      BigDecimal d = new BigDecimal(literal);
      boolean integral = literal.indexOf('.') < 0 && literal.indexOf('e') < 0;
      integral &= literal.indexOf('E') < 0;
      if (integral) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException tooBig) {
          return d;
        }
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InvalidSnapshotException(path, "malformed JSON number");
    }
  }

  /** Writes {@code tree} (as {@link #parse} returns, or {@code meta} as the fake stores it). */
  static void write(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b.booleanValue());
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Number n) {
      writer.value(n);
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name(String.valueOf(e.getKey()));
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof Iterable<?> list) {
      writer.beginArray();
      for (Object o : list) {
        write(writer, o);
      }
      writer.endArray();
    } else {
      throw new IllegalArgumentException(
          "not a JSON value: " + value.getClass().getName() + " (at " + writer.getPath() + ")");
    }
  }
}
