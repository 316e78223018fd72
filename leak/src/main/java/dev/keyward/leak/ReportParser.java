package dev.keyward.leak;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/**
 * Reads GitHub's report ({@code [{"token","type","url","source"}]}, unknown fields ignored) and
 * writes the feedback array. Moshi's messages may quote the input, so none is passed on.
 */
final class ReportParser {
  /** A report that is not a JSON array of objects with a string {@code token}. */
  static final class MalformedReport extends Exception {
    MalformedReport() {
      super(
          "the report is not a JSON array of {token, type, url, source} objects",
          null,
          false,
          false);
    }
  }

  /** A report with more matches than the receiver takes. */
  static final class TooManyTokens extends Exception {
    TooManyTokens() {
      super("the report has more matches than allowed", null, false, false);
    }
  }

  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("token", "type", "url", "source");

  /** The longest {@code type} echoed back as {@code token_type}. */
  static final int MAX_TYPE_ECHO = 256;

  private ReportParser() {}

  static List<ReportedToken> parse(byte[] body, int maxTokens)
      throws MalformedReport, TooManyTokens {
    List<ReportedToken> tokens = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
        throw new MalformedReport();
      }
      reader.beginArray();
      while (reader.hasNext()) {
        if (tokens.size() == maxTokens) {
          throw new TooManyTokens();
        }
        tokens.add(readMatch(reader));
      }
      reader.endArray();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new MalformedReport();
      }
    } catch (IOException | JsonDataException | ClassCastException e) {
      throw new MalformedReport();
    }
    return tokens;
  }

  private static ReportedToken readMatch(JsonReader reader) throws IOException, MalformedReport {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new MalformedReport();
    }
    String[] values = new String[4];
    reader.beginObject();
    while (reader.hasNext()) {
      int field = reader.selectName(FIELDS);
      if (field < 0) {
        reader.skipName();
        reader.skipValue();
      } else if (reader.peek() == JsonReader.Token.NULL && field > 0) {
        reader.nextNull(); // url "may be empty"; treat null like empty for the optional fields
      } else if (reader.peek() != JsonReader.Token.STRING) {
        throw new MalformedReport();
      } else {
        values[field] = reader.nextString();
      }
    }
    reader.endObject();
    if (values[0] == null) {
      throw new MalformedReport();
    }
    return new ReportedToken(values[0], orEmpty(values[1]), orEmpty(values[2]), orEmpty(values[3]));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** One feedback entry. */
  record Feedback(String tokenHash, String tokenType, FeedbackLabel label) {}

  static String write(List<Feedback> feedback) {
    Buffer out = new Buffer();
    try (JsonWriter w = JsonWriter.of(out)) {
      w.beginArray();
      for (Feedback f : feedback) {
        String type = f.tokenType();
        w.beginObject()
            .name("token_hash")
            .value(f.tokenHash())
            .name("token_type")
            .value(type.length() > MAX_TYPE_ECHO ? type.substring(0, MAX_TYPE_ECHO) : type)
            .name("label")
            .value(f.label().wire())
            .endObject();
      }
      w.endArray();
    } catch (IOException e) {
      throw new AssertionError("a Buffer does not fail", e);
    }
    return out.readUtf8();
  }
}
