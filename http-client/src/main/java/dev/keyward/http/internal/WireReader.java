package dev.keyward.http.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON document into the tree {@link JsonTree} describes, with Moshi's strict streaming
 * {@link JsonReader}: {@link LinkedHashMap}s, {@link ArrayList}s, strings, booleans, nulls, {@link
 * Long}s for integral numbers and {@link java.math.BigDecimal}s for the rest (and for integers
 * beyond {@code Long}). Member names the codecs know are selected through {@link
 * WireNames#OPTIONS}, so they are the interned constants and cost no allocation.
 *
 * <p>Duplicate names keep the last value; nulls are kept. Beyond Moshi's own checks, nesting is
 * bounded by {@link #MAX_DEPTH} and number literals by {@link #MAX_NUMBER_LENGTH}. Every failure is
 * a {@link WireFormatException} with a fixed message: never Moshi's message, which quotes values
 * and a path made of member names from the body (a hostile server could put a key in a name).
 */
final class WireReader {
  /** Deepest nesting of objects and arrays accepted. */
  static final int MAX_DEPTH = 64;

  /** Longest number literal accepted: bounds BigDecimal's work on a hostile body. */
  static final int MAX_NUMBER_LENGTH = 64;

  private WireReader() {}

  /**
   * Reads a whole document from {@code source}.
   *
   * @throws WireFormatException if it is not exactly one JSON value (whitespace around it aside)
   */
  static @Nullable Object read(BufferedSource source) {
    JsonReader reader = JsonReader.of(source);
    try {
      Object tree = value(reader, 0);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new WireFormatException("malformed JSON: data after the document");
      }
      return tree;
    } catch (IOException | JsonDataException | NumberFormatException | ArithmeticException e) {
      throw malformed(e);
    }
  }

  /**
   * What every Moshi failure becomes (EOFException and JsonEncodingException are IOExceptions):
   * only the cause's class is kept, never its message or path.
   */
  static WireFormatException malformed(Exception e) {
    return new WireFormatException("malformed or truncated JSON", e);
  }

  /** Reads the next value inside a container {@code depth} levels deep (0: the document). */
  static @Nullable Object value(JsonReader reader, int depth) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        return object(reader, depth + 1);
      case BEGIN_ARRAY:
        return array(reader, depth + 1);
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new WireFormatException("malformed JSON: expected a value");
    }
  }

  private static Map<String, @Nullable Object> object(JsonReader reader, int depth)
      throws IOException {
    checkDepth(depth);
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      int known = reader.selectName(WireNames.OPTIONS);
      String name = known >= 0 ? WireNames.NAMES[known] : reader.nextName();
      map.put(name, value(reader, depth));
    }
    reader.endObject();
    return map;
  }

  private static List<@Nullable Object> array(JsonReader reader, int depth) throws IOException {
    checkDepth(depth);
    List<@Nullable Object> list = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      list.add(value(reader, depth));
    }
    reader.endArray();
    return list;
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new WireFormatException("JSON nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  /** A number literal as the tree holds it, bounded to {@link #MAX_NUMBER_LENGTH}. */
  static Number number(String literal) {
    if (literal.length() > MAX_NUMBER_LENGTH) {
      throw new WireFormatException(
          "malformed JSON: a number longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    return JsonTree.number(literal);
  }
}
