package dev.keyward.http.internal;

import com.squareup.moshi.JsonReader;
import dev.keyward.RatelimitStatus;
import dev.keyward.Verification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Streams a {@code keys.verifyKey} answer straight into a {@link Verification}: the hot path of every
 * customer request, so it skips the map tree the other operations decode through. Field names are
 * matched with Moshi's {@link JsonReader.Options} (no strings allocated for them); {@code meta} and
 * {@code identity} still go through the tree, which keeps their numbers exact.
 */
final class VerificationReader {
  private static final JsonReader.Options ENVELOPE = JsonReader.Options.of("meta", "data");
  private static final JsonReader.Options META = JsonReader.Options.of("requestId");
  private static final JsonReader.Options DATA = JsonReader.Options.of("valid", "code", "keyId", "name", "meta",
      "expires", "credits", "enabled", "permissions", "roles", "identity", "ratelimits");
  private static final JsonReader.Options RATELIMIT = JsonReader.Options.of(
      "exceeded", "id", "name", "limit", "duration", "reset", "remaining", "autoApply");

  private VerificationReader() {}

  static OperationCodec.Decoded<Verification> read(BufferedSource body) {
    try {
      JsonReader reader = JsonReader.of(body);
      String requestId = null;
      Verification.Builder data = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(ENVELOPE)) {
          case 0:
            requestId = readMeta(reader);
            break;
          case 1:
            data = readData(reader);
            break;
          default:
            reader.skipName();
            reader.skipValue();
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new WireFormatException("trailing data after the JSON document");
      }
      if (requestId == null) {
        throw new WireFormatException("missing required field response.meta.requestId");
      }
      if (data == null) {
        throw new WireFormatException("missing required field response.data");
      }
      return new OperationCodec.Decoded<>(data.requestId(requestId).build(), requestId);
    } catch (WireFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new WireFormatException("malformed, truncated or mistyped keys.verifyKey response", e);
    }
  }

  private static @Nullable String readMeta(JsonReader reader) throws IOException {
    String requestId = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(META) == 0) {
        requestId = reader.nextString();
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return requestId;
  }

  @SuppressWarnings("unchecked")
  private static Verification.Builder readData(JsonReader reader) throws IOException {
    Boolean valid = null;
    String code = null;
    String keyId = null;
    String name = null;
    Map<String, Object> meta = Map.of();
    Instant expires = null;
    Long credits = null;
    Boolean enabled = null;
    List<String> permissions = List.of();
    List<String> roles = List.of();
    Object identity = null;
    List<RatelimitStatus> ratelimits = List.of();
    reader.beginObject();
    while (reader.hasNext()) {
      int field = reader.selectName(DATA);
      if (field == -1) {
        reader.skipName();
        reader.skipValue();
        continue;
      }
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.skipValue();
        continue;
      }
      switch (field) {
        case 0 -> valid = reader.nextBoolean();
        case 1 -> code = reader.nextString();
        case 2 -> keyId = reader.nextString();
        case 3 -> name = reader.nextString();
        case 4 -> {
          Object tree = JsonTree.read(reader);
          if (!(tree instanceof Map)) {
            throw new WireFormatException("response.data.meta is not a JSON object");
          }
          meta = (Map<String, Object>) tree;
        }
        case 5 -> expires = Instant.ofEpochMilli(reader.nextLong());
        case 6 -> credits = reader.nextLong();
        case 7 -> enabled = reader.nextBoolean();
        case 8 -> permissions = strings(reader);
        case 9 -> roles = strings(reader);
        case 10 -> identity = JsonTree.read(reader);
        default -> ratelimits = ratelimits(reader);
      }
    }
    reader.endObject();
    if (valid == null || code == null) {
      throw new WireFormatException("missing required field response.data." + (valid == null ? "valid" : "code"));
    }
    return Verification.builder(Verification.Code.fromWire(code))
        .rawCode(code)
        .keyId(keyId)
        .name(name)
        .meta(meta)
        .expires(expires)
        .credits(credits)
        .enabled(enabled)
        .permissions(permissions)
        .roles(roles)
        .identity(identity == null ? null : CommonCodecs.readIdentity(WireObject.of(identity, "response.data.identity")))
        .ratelimits(ratelimits);
  }

  private static List<String> strings(JsonReader reader) throws IOException {
    List<String> out = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      out.add(reader.nextString());
    }
    reader.endArray();
    return out;
  }

  private static List<RatelimitStatus> ratelimits(JsonReader reader) throws IOException {
    List<RatelimitStatus> out = new ArrayList<>(2);
    reader.beginArray();
    while (reader.hasNext()) {
      out.add(ratelimit(reader));
    }
    reader.endArray();
    return out;
  }

  private static RatelimitStatus ratelimit(JsonReader reader) throws IOException {
    String id = null;
    String name = null;
    Boolean exceeded = null;
    Boolean autoApply = null;
    long limit = -1;
    long duration = -1;
    long reset = -1;
    long remaining = -1;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(RATELIMIT)) {
        case 0 -> exceeded = reader.nextBoolean();
        case 1 -> id = reader.nextString();
        case 2 -> name = reader.nextString();
        case 3 -> limit = reader.nextLong();
        case 4 -> duration = reader.nextLong();
        case 5 -> reset = reader.nextLong();
        case 6 -> remaining = reader.nextLong();
        case 7 -> autoApply = reader.nextBoolean();
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (id == null || name == null || exceeded == null || autoApply == null || limit < 0 || duration < 0
        || reset < 0 || remaining < 0) {
      throw new WireFormatException("response.data.ratelimits[] lacks a required field"
          + " (id, name, exceeded, limit, duration, reset, remaining, autoApply)");
    }
    return new RatelimitStatus(id, name, exceeded, limit, Duration.ofMillis(duration), Duration.ofMillis(reset),
        remaining, autoApply);
  }
}
