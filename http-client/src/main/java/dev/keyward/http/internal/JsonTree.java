package dev.keyward.http.internal;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON tree keyward decodes into and encodes from: maps, lists, strings, booleans, nulls and
 * numbers, where integral numbers are {@link Long} (or {@link BigDecimal} beyond its range) and
 * every other number {@link BigDecimal}. {@link WireReader} reads such trees; {@link #write} writes
 * them back unchanged.
 */
public final class JsonTree {
  private JsonTree() {}

  /**
   * The number a JSON literal denotes: a {@link Long} when integral and in range, else a {@link
   * BigDecimal}; {@link WireFormatException} when it is not a number.
   */
  public static Number number(String literal) {
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

  /**
   * Writes a tree of maps, lists, strings, numbers, booleans and nulls; anything else is an {@link
   * IllegalArgumentException}.
   */
  public static void write(JsonWriter writer, @Nullable Object value) throws IOException {
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
          "not a JSON value: "
              + value.getClass().getName()
              + " (use maps, lists, strings, numbers, booleans)");
    }
  }
}
