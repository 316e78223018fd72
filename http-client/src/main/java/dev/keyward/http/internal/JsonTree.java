package dev.keyward.http.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON into maps, lists, strings, booleans, nulls and numbers, where integral numbers become
 * {@link Long} and every other number {@link BigDecimal}, and writes such trees back unchanged.
 */
final class JsonTree {
  private static final int MAX_DEPTH = 64;

  private JsonTree() {}

  static @Nullable Object read(JsonReader reader) throws IOException {
    return read(reader, 0);
  }

  private static @Nullable Object read(JsonReader reader, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new WireFormatException("JSON nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          map.put(name, read(reader, depth + 1));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY: {
        List<@Nullable Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader, depth + 1));
        }
        reader.endArray();
        return list;
      }
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new WireFormatException("unexpected JSON token " + reader.peek());
    }
  }

  static Number number(String literal) {
    boolean integral = true;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        integral = false;
        break;
      }
    }
    try {
      if (integral && literal.length() < 19) {
        return Long.parseLong(literal);
      }
      BigDecimal d = new BigDecimal(literal);
      if (integral) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException tooBig) {
          return d;
        }
      }
      return d;
    } catch (NumberFormatException e) {
      throw new WireFormatException("malformed JSON number");
    }
  }

  static void write(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b.booleanValue());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      writer.value(d);
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
          "not a JSON value: " + value.getClass().getName() + " (use maps, lists, strings, numbers, booleans)");
    }
  }
}
