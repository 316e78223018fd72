package dev.keyward.http;

import com.squareup.moshi.JsonReader;
import dev.keyward.key.KeyFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The secrets one request carried (its bearer token and the values of its secret-bearing JSON
 * fields), so that a server echoing them in free text (an error detail, an HTML page) is masked
 * too, even when the key has a prefix the {@code Redactor} was not told about.
 */
final class SentSecrets {
  private static final Set<String> FIELDS = Set.of("key", "rootkey", "plaintext", "authorization");

  /** Shorter values are not searched for: masking them would mangle ordinary text. */
  private static final int MIN_LENGTH = 8;

  private static final SentSecrets NONE = new SentSecrets(List.of());

  private final List<String> values;

  private SentSecrets(List<String> values) {
    this.values = values;
  }

  static SentSecrets of(@Nullable String authorization, @Nullable ByteString jsonBody) {
    List<String> values = new ArrayList<>(2);
    if (authorization != null) {
      int space = authorization.indexOf(' ');
      add(values, space >= 0 ? authorization.substring(space + 1).strip() : authorization.strip());
    }
    if (jsonBody != null) {
      collect(jsonBody, values);
    }
    return values.isEmpty() ? NONE : new SentSecrets(values);
  }

  /** Replaces each sent secret in {@code text} by what {@code Secret.toString()} shows of it. */
  String mask(String text) {
    String result = text;
    for (String value : values) {
      if (result.contains(value)) {
        result = result.replace(value, KeyFormat.visibleStart(value) + "…****");
      }
    }
    return result;
  }

  /**
   * Whether {@code text} holds a sent secret, ignoring case (a host name is lower-cased, and so
   * would be a key echoed into it).
   */
  boolean containedIn(String text) {
    for (String value : values) {
      for (int i = 0; i + value.length() <= text.length(); i++) {
        if (text.regionMatches(true, i, value, 0, value.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The secrets {@code request} carries (its Authorization header and JSON body). */
  static SentSecrets of(okhttp3.Request request) {
    return of(
        request.header("Authorization"),
        request.body() instanceof JsonBody json ? json.bytes() : null);
  }

  private static void add(List<String> values, String value) {
    if (value.length() >= MIN_LENGTH && !values.contains(value)) {
      values.add(value);
    }
  }

  /** {@code "name":"} for each field in {@link #FIELDS}, as keyward writes it (compact JSON). */
  private static final List<ByteString> MARKERS =
      List.of("key", "rootKey", "rootkey", "plaintext", "authorization").stream()
          .map(name -> ByteString.encodeUtf8("\"" + name + "\":\""))
          .toList();

  private static final ByteString BACKSLASH = ByteString.encodeUtf8("\\");
  private static final ByteString QUOTE = ByteString.encodeUtf8("\"");

  private static void collect(ByteString json, List<String> values) {
    if (!scan(json, values)) {
      read(json, values);
    }
  }

  /**
   * Collects by scanning for {@code "name":"} when {@code json} has no escapes (false otherwise): a
   * marker cannot then sit inside a string, whose quotes would be escaped, so the scan finds
   * exactly what {@link #read} finds, without a reader per answer (this runs for every answer;
   * ClientRoundTripBenchmark).
   */
  static boolean scan(ByteString json, List<String> values) {
    if (json.indexOf(BACKSLASH) >= 0) {
      return false;
    }
    for (ByteString marker : MARKERS) {
      int from = 0;
      int at;
      while ((at = json.indexOf(marker, from)) >= 0) {
        int start = at + marker.size();
        int end = json.indexOf(QUOTE, start);
        if (end < 0) {
          break;
        }
        add(values, json.substring(start, end).utf8());
        from = end;
      }
    }
    return true;
  }

  /** Collects with a JSON reader: any JSON, escapes included; nothing when it is not JSON. */
  static void read(ByteString json, List<String> values) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
      walk(reader, values);
    } catch (IOException | RuntimeException malformed) {
      // Not JSON after all: nothing to collect, and the Redactor still runs.
    }
  }

  private static void walk(JsonReader reader, List<String> values) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName().toLowerCase(Locale.ROOT);
          if (FIELDS.contains(name) && reader.peek() == JsonReader.Token.STRING) {
            add(values, reader.nextString());
          } else {
            walk(reader, values);
          }
        }
        reader.endObject();
      }
      case BEGIN_ARRAY -> {
        reader.beginArray();
        while (reader.hasNext()) {
          walk(reader, values);
        }
        reader.endArray();
      }
      default -> reader.skipValue();
    }
  }
}
