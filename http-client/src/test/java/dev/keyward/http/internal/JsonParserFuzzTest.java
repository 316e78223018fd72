package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Differential: on any input, {@link JsonParser} either throws {@link WireFormatException} and
 * nothing else, or returns the tree Moshi's strict {@link JsonReader} reads from the same bytes.
 * Where the two disagree, only the documented differences are allowed: {@code JsonParser} also
 * rejects raw control characters in strings, nesting beyond 64 and 65-character numbers, and it
 * does not take Moshi's extensions to RFC 8259 (the {@code \'} and backslash-newline escapes,
 * literals such as {@code TRUE} or {@code nUll}). Regression inputs live in {@code
 * JsonParserFuzzTestInputs/}; fuzz with {@code JAZZER_FUZZ=1}.
 */
class JsonParserFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void agreesWithMoshiOnEveryInput(FuzzedDataProvider data) {
    byte[] json = data.consumeRemainingAsBytes();
    if (!validUtf8(json)) {
      // Replacement of invalid UTF-8 is Okio's and the JDK's business; only the no-crash part
      // applies.
      try {
        JsonParser.parse(json);
      } catch (WireFormatException expected) {
        // fine
      }
      return;
    }
    Object mine;
    try {
      mine = JsonParser.parse(json);
    } catch (WireFormatException e) {
      mine = e;
    }
    Object moshi;
    try {
      moshi = moshi(json);
    } catch (IOException | RuntimeException e) {
      moshi = e;
    }
    if (mine instanceof WireFormatException) {
      if (!(moshi instanceof Exception)) {
        assertThat(
                hasRawControlCharInString(json)
                    || tooDeep(json)
                    || hasLongNumber(json)
                    || hasMoshiOnlyEscape(json)
                    || hasUpperCaseLiteral(json))
            .as("JsonParser rejected what Moshi accepts: %s", ((Exception) mine).getMessage())
            .isTrue();
      }
      return;
    }
    assertThat(moshi instanceof Exception)
        .as("Moshi rejected what JsonParser accepts: %s", moshi)
        .isFalse();
    assertThat(mine).isEqualTo(moshi);
  }

  private static @Nullable Object moshi(byte[] json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(json));
    Object tree = read(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new IOException("trailing data");
    }
    return tree;
  }

  private static @Nullable Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        {
          Map<String, @Nullable Object> map = new LinkedHashMap<>();
          reader.beginObject();
          while (reader.hasNext()) {
            String name = reader.nextName();
            map.put(name, read(reader));
          }
          reader.endObject();
          return map;
        }
      case BEGIN_ARRAY:
        {
          List<@Nullable Object> list = new ArrayList<>();
          reader.beginArray();
          while (reader.hasNext()) {
            list.add(read(reader));
          }
          reader.endArray();
          return list;
        }
      case STRING:
        return reader.nextString();
      case NUMBER:
        {
          Number n = JsonTree.number(reader.nextString());
          return n instanceof BigDecimal d ? d : n;
        }
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IOException("unexpected token");
    }
  }

  private static boolean validUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean hasRawControlCharInString(byte[] json) {
    for (byte b : json) {
      if (b >= 0 && b < 0x20 && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return true;
      }
    }
    // Tabs and newlines are whitespace outside strings but raw control characters inside them.
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString && b == '\\') {
        i++;
      } else if (b == '"') {
        inString = !inString;
      } else if (inString && b >= 0 && b < 0x20) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUpperCaseLiteral(byte[] json) {
    String text = new String(json, StandardCharsets.ISO_8859_1);
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (String literal : new String[] {"true", "false", "null"}) {
      for (int i = lower.indexOf(literal); i >= 0; i = lower.indexOf(literal, i + 1)) {
        if (!text.startsWith(literal, i)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasMoshiOnlyEscape(byte[] json) {
    for (int i = 0; i + 1 < json.length; i++) {
      if (json[i] == '\\' && (json[i + 1] == '\'' || json[i + 1] == '\n')) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLongNumber(byte[] json) {
    int run = 0;
    for (byte b : json) {
      boolean numeric =
          (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
      run = numeric ? run + 1 : 0;
      if (run > JsonParser.MAX_NUMBER_LENGTH) {
        return true;
      }
    }
    return false;
  }

  private static boolean tooDeep(byte[] json) {
    int depth = 0;
    for (byte b : json) {
      if (b == '[' || b == '{') {
        if (++depth > JsonParser.MAX_DEPTH) {
          return true;
        }
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
    return false;
  }
}
