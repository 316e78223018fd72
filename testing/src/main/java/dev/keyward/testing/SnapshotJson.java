package dev.keyward.testing;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.keyward.http.internal.JsonTree;
import dev.keyward.http.internal.WireFormatException;
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
      return JsonTree.number(literal);
    } catch (WireFormatException e) {
      throw new InvalidSnapshotException(path, "malformed JSON number");
    }
  }

  /** Writes {@code tree} (as {@link #parse} returns, or {@code meta} as the fake stores it). */
  static void write(JsonWriter writer, @Nullable Object value) throws IOException {
    JsonTree.write(writer, value);
  }
}
