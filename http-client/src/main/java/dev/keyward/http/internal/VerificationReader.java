package dev.keyward.http.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonReader.Token;
import dev.keyward.model.Identity;
import dev.keyward.model.RatelimitStatus;
import dev.keyward.model.Verification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Streams a {@code keys.verifyKey} answer straight into a {@link Verification}, names selected with
 * {@link JsonReader.Options} as Moshi's generated adapters do: the map tree cost most of keyward's
 * CPU per verify (measured with JFR). It reads what {@link VerifyKeyCodec#readVerification} reads
 * from the tree, with the same checks and messages: {@code meta} and {@code identity} still go
 * through {@link WireReader}, and so do unknown members (so they are held to the same depth and
 * number bounds). One difference: a member given twice must be well-typed both times.
 */
final class VerificationReader {
  private static final JsonReader.Options ENVELOPE = JsonReader.Options.of("meta", "data");
  private static final JsonReader.Options META = JsonReader.Options.of("requestId");
  private static final JsonReader.Options DATA =
      JsonReader.Options.of(
          "valid",
          "code",
          "keyId",
          "name",
          "meta",
          "expires",
          "credits",
          "enabled",
          "permissions",
          "roles",
          "identity",
          "ratelimits");
  private static final JsonReader.Options RATELIMIT =
      JsonReader.Options.of(
          "exceeded", "id", "name", "limit", "duration", "reset", "remaining", "autoApply");
  private static final String DATA_PATH = "response.data";

  /** Where a member is, for messages only: in meta (-2), data (-1) or ratelimits[item]. */
  private static String where(int item, String name) {
    String parent =
        item == -2
            ? "response.meta"
            : item == -1 ? DATA_PATH : DATA_PATH + ".ratelimits[" + item + "]";
    return parent + "." + name;
  }

  private VerificationReader() {}

  static OperationCodec.Decoded<Verification> read(BufferedSource body) {
    return read(body, ServerTexts.defaults());
  }

  /**
   * Reads a verify answer; a request id, code or key id that {@code texts} rejects becomes its
   * placeholder.
   */
  static OperationCodec.Decoded<Verification> read(BufferedSource body, ServerTexts texts) {
    JsonReader reader = JsonReader.of(body);
    try {
      String requestId = null;
      Verification.Builder data = null;
      boolean hasData = false;
      if (reader.peek() != Token.BEGIN_OBJECT) {
        throw new WireFormatException("response is not a JSON object");
      }
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(ENVELOPE)) {
          case 0 -> requestId = meta(reader);
          case 1 -> {
            hasData = reader.peek() != Token.NULL;
            data = hasData ? data(reader, texts) : reader.nextNull();
          }
          default -> unknown(reader, 1);
        }
      }
      reader.endObject();
      if (reader.peek() != Token.END_DOCUMENT) {
        throw new WireFormatException("malformed JSON: data after the document");
      }
      if (requestId == null) {
        throw new WireFormatException("missing required field response.meta.requestId");
      }
      if (!hasData || data == null) {
        throw new WireFormatException("missing required field " + DATA_PATH);
      }
      requestId = texts.requestId(requestId);
      Verification value = data.requestId(requestId).build();
      return new OperationCodec.Decoded<>(value, requestId);
    } catch (IOException | JsonDataException | NumberFormatException | ArithmeticException e) {
      throw WireReader.malformed(e);
    }
  }

  private static void unknown(JsonReader reader, int depth) throws IOException {
    reader.skipName();
    WireReader.value(reader, depth);
  }

  /** {@code meta}'s request id; null when meta or its id is absent or null. */
  private static @Nullable String meta(JsonReader reader) throws IOException {
    Token t = reader.peek();
    if (t == Token.NULL) {
      reader.nextNull();
      throw new WireFormatException("missing required field response.meta");
    }
    if (t != Token.BEGIN_OBJECT) {
      throw new WireFormatException("response.meta is not a JSON object");
    }
    String requestId = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(META) == 0) {
        requestId = optString(reader, -2, "requestId");
      } else {
        unknown(reader, 2);
      }
    }
    reader.endObject();
    return requestId;
  }

  /** The data object; its code and key id checked with {@code texts}, as the tree path does. */
  @SuppressWarnings("unchecked")
  private static Verification.Builder data(JsonReader reader, ServerTexts texts)
      throws IOException {
    if (reader.peek() != Token.BEGIN_OBJECT) {
      throw new WireFormatException(DATA_PATH + " is not a JSON object");
    }
    Boolean valid = null;
    String code = null;
    String keyId = null;
    String name = null;
    Object meta = null;
    Long expires = null;
    Long credits = null;
    Boolean enabled = null;
    List<String> permissions = List.of();
    List<String> roles = List.of();
    Object identity = null;
    List<RatelimitStatus> ratelimits = List.of();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(DATA)) {
        case 0 -> valid = optBoolean(reader, -1, "valid");
        case 1 -> code = optString(reader, -1, "code");
        case 2 -> keyId = optString(reader, -1, "keyId");
        case 3 -> name = optString(reader, -1, "name");
        case 4 -> meta = WireReader.value(reader, 2);
        case 5 -> expires = optLong(reader, -1, "expires");
        case 6 -> credits = optLong(reader, -1, "credits");
        case 7 -> enabled = optBoolean(reader, -1, "enabled");
        case 8 -> permissions = strings(reader, "permissions");
        case 9 -> roles = strings(reader, "roles");
        case 10 -> identity = WireReader.value(reader, 2);
        case 11 -> ratelimits = ratelimits(reader);
        default -> unknown(reader, 2);
      }
    }
    reader.endObject();
    if (code == null) {
      throw new WireFormatException("missing required field " + DATA_PATH + ".code");
    }
    if (valid == null) {
      throw new WireFormatException("missing required field " + DATA_PATH + ".valid");
    }
    Verification.Code parsed = Verification.Code.fromWire(code);
    if (valid != (parsed == Verification.Code.VALID)) {
      throw new WireFormatException("response.data.valid contradicts response.data.code");
    }
    if (meta != null && !(meta instanceof Map)) {
      throw new WireFormatException(DATA_PATH + ".meta is not a JSON object");
    }
    Identity id =
        identity == null
            ? null
            : CommonCodecs.readIdentity(WireObject.of(identity, DATA_PATH + ".identity"));
    return Verification.builder(parsed)
        .rawCode(texts.code(code))
        .keyId(texts.optId(keyId))
        .name(name)
        .meta(meta == null ? Map.of() : (Map<String, Object>) meta)
        .expires(expires == null ? null : Instant.ofEpochMilli(expires))
        .credits(credits)
        .enabled(enabled)
        .permissions(permissions)
        .roles(roles)
        .identity(id)
        .ratelimits(ratelimits);
  }

  private static List<RatelimitStatus> ratelimits(JsonReader reader) throws IOException {
    Token t = reader.peek();
    if (t == Token.NULL) {
      reader.nextNull();
      return List.of();
    }
    if (t != Token.BEGIN_ARRAY) {
      throw new WireFormatException(where(-1, "ratelimits") + " is not an array");
    }
    List<RatelimitStatus> out = new ArrayList<>(2);
    reader.beginArray();
    while (reader.hasNext()) {
      out.add(ratelimit(reader, out.size()));
    }
    reader.endArray();
    return out;
  }

  private static RatelimitStatus ratelimit(JsonReader reader, int item) throws IOException {
    if (reader.peek() != Token.BEGIN_OBJECT) {
      throw new WireFormatException(
          where(-1, "ratelimits[" + item + "]") + " is not a JSON object");
    }
    Boolean exceeded = null;
    String id = null;
    String name = null;
    Long limit = null;
    Long duration = null;
    Long reset = null;
    Long remaining = null;
    Boolean autoApply = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(RATELIMIT)) {
        case 0 -> exceeded = optBoolean(reader, item, "exceeded");
        case 1 -> id = optString(reader, item, "id");
        case 2 -> name = optString(reader, item, "name");
        case 3 -> limit = optLong(reader, item, "limit");
        case 4 -> duration = optLong(reader, item, "duration");
        case 5 -> reset = optLong(reader, item, "reset");
        case 6 -> remaining = optLong(reader, item, "remaining");
        case 7 -> autoApply = optBoolean(reader, item, "autoApply");
        default -> unknown(reader, 4);
      }
    }
    reader.endObject();
    return new RatelimitStatus(
        required(id, item, "id"),
        required(name, item, "name"),
        required(exceeded, item, "exceeded"),
        required(limit, item, "limit"),
        Duration.ofMillis(required(duration, item, "duration")),
        Duration.ofMillis(required(reset, item, "reset")),
        required(remaining, item, "remaining"),
        required(autoApply, item, "autoApply"));
  }

  private static <T> T required(@Nullable T value, int item, String name) {
    if (value == null) {
      throw new WireFormatException("missing required field " + where(item, name));
    }
    return value;
  }

  private static @Nullable String optString(JsonReader reader, int item, String name)
      throws IOException {
    Token t = reader.peek();
    if (t == Token.NULL) {
      return reader.nextNull();
    }
    if (t != Token.STRING) {
      throw new WireFormatException(where(item, name) + " is not a string");
    }
    return reader.nextString();
  }

  private static @Nullable Boolean optBoolean(JsonReader reader, int item, String name)
      throws IOException {
    Token t = reader.peek();
    if (t == Token.NULL) {
      return reader.nextNull();
    }
    if (t != Token.BOOLEAN) {
      throw new WireFormatException(where(item, name) + " is not a boolean");
    }
    return reader.nextBoolean();
  }

  private static @Nullable Long optLong(JsonReader reader, int item, String name)
      throws IOException {
    Token t = reader.peek();
    if (t == Token.NULL) {
      return reader.nextNull();
    }
    if (t == Token.NUMBER && WireReader.number(reader.nextString()) instanceof Long l) {
      return l;
    }
    throw new WireFormatException(where(item, name) + " is not an integer");
  }

  private static List<String> strings(JsonReader reader, String name) throws IOException {
    Token t = reader.peek();
    if (t == Token.NULL) {
      reader.nextNull();
      return List.of();
    }
    if (t != Token.BEGIN_ARRAY) {
      throw new WireFormatException(where(-1, name) + " is not an array");
    }
    List<String> out = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      if (reader.peek() != Token.STRING) {
        throw new WireFormatException(where(-1, name) + " holds a non-string");
      }
      out.add(reader.nextString());
    }
    reader.endArray();
    return out;
  }
}
