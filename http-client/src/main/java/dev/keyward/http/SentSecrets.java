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

  /** The most a mask keeps of a sent secret. */
  private static final int MAX_SHOWN = 12;

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

  /** Replaces each sent secret in {@code text} by its {@link #shown} start and a mask. */
  String mask(String text) {
    String result = text;
    for (String value : values) {
      if (result.contains(value)) {
        result = result.replace(value, shown(value) + "****");
      }
    }
    return result;
  }

  /**
   * What a mask keeps of {@code value}: Unkey's start when it is at most 12 characters and half the
   * value, else 4 characters of a value of at least 16, else nothing. {@code KeyFormat.start} alone
   * ends at the last {@code _}, so for a shapeless token with a {@code _} near its end it is most
   * of the token.
   */
  static String shown(String value) {
    String start = KeyFormat.start(value);
    if (start.length() <= MAX_SHOWN && 2 * start.length() <= value.length()) {
      return start;
    }
    return value.length() >= 16 ? value.substring(0, 4) : "";
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

  private static void collect(ByteString json, List<String> values) {
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
