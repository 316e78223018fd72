package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.Verification;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streamed verification must be exactly what the tree reading gives, value or failure. */
class VerificationReaderTest {
  static final String DATA =
      "\"valid\":true,\"code\":\"VALID\",\"keyId\":\"key_2cGKbMxRyIzhCxo1Idjz8q\",\"name\":\"acme\","
          + "\"meta\":{\"plan\":\"pro\",\"seats\":12,\"ratio\":0.5},\"expires\":1900000000000,"
          + "\"credits\":950,\"enabled\":true,\"permissions\":[\"documents.read\",\"documents.write\"],"
          + "\"roles\":[\"editor\"],\"identity\":{\"id\":\"id_1234567890\",\"externalId\":\"user_42\","
          + "\"meta\":{\"tier\":1}},\"ratelimits\":[{\"exceeded\":false,\"id\":\"rl_1234567890\","
          + "\"name\":\"requests\",\"limit\":100,\"duration\":60000,\"reset\":59000,\"remaining\":99,"
          + "\"autoApply\":true}]";

  static List<String> answers() {
    String meta = "\"meta\":{\"requestId\":\"req_1\"}";
    String rl =
        "\"ratelimits\":[{\"exceeded\":false,\"id\":\"rl_1\",\"name\":\"r\",\"limit\":1,"
            + "\"duration\":1,\"reset\":1,\"remaining\":1,\"autoApply\":true";
    return List.of(
        "{" + meta + ",\"data\":{" + DATA + "}}",
        "{\"data\":{" + DATA + "}," + meta + "}",
        "{" + meta + ",\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}",
        "{" + meta + ",\"data\":{\"valid\":false,\"code\":\"SOMETHING_NEW\",\"future\":[{}]}}",
        // nulls, unknown members, escaped names, duplicates (last wins)
        "{"
            + meta
            + ",\"x\":{\"y\":[1,2.5]},\"data\":{\"valid\":true,\"code\":\"VALID\",\"keyId\":null,"
            + "\"name\":null,\"meta\":null,\"expires\":null,\"credits\":null,\"enabled\":null,"
            + "\"permissions\":null,\"roles\":null,\"identity\":null,\"ratelimits\":null}}",
        "{"
            + meta
            + ",\"data\":{\"\\u0076alid\":true,\"code\":\"VALID\",\"name\":\"a\",\"name\":\"b\"}}",
        "{"
            + meta
            + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"keyId\":\"k\",\"keyId\":null}}",
        "{\"meta\":{\"requestId\":\"a\",\"requestId\":\"b\",\"other\":1},\"data\":{" + DATA + "}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\"," + rl + ",\"extra\":true}]}}",
        // failures
        "{" + meta + ",\"data\":{\"valid\":true}}",
        "{" + meta + ",\"data\":{\"code\":\"VALID\"}}",
        "{" + meta + ",\"data\":{\"valid\":false,\"code\":\"VALID\"}}",
        "{" + meta + ",\"data\":{\"valid\":\"true\",\"code\":\"VALID\"}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":1}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"credits\":1.5}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"credits\":1e3}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"credits\":-1}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"expires\":\"soon\"}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"meta\":[1]}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"roles\":[1]}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"roles\":\"r\"}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"identity\":{\"id\":\"i\"}}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"identity\":7}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"ratelimits\":{}}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"ratelimits\":[1]}}",
        "{"
            + meta
            + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"ratelimits\":[{\"id\":\"r\"}]}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"x\":1e-99999999999}}",
        "{" + meta + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"x\":" + "[".repeat(70) + "]}}",
        "{" + meta + ",\"data\":null}",
        "{" + meta + "}",
        "{\"meta\":null,\"data\":{" + DATA + "}}",
        "{\"meta\":{},\"data\":{" + DATA + "}}",
        "{\"meta\":{\"requestId\":5},\"data\":{" + DATA + "}}",
        "{\"meta\":[],\"data\":{" + DATA + "}}",
        "{" + meta + ",\"data\":[]}",
        "[]",
        "{" + meta + ",\"data\":{" + DATA + "}} x",
        "{" + meta + ",\"data\":{" + DATA + "}",
        "");
  }

  @ParameterizedTest
  @MethodSource("answers")
  void streamsExactlyWhatTheTreeReads(String json) {
    Object tree = viaTree(json);
    Object stream = viaStream(json);
    if (tree instanceof WireFormatException) {
      assertThat(stream).isInstanceOf(WireFormatException.class);
      assertThat(((Exception) stream).getMessage()).doesNotContain("req_1", "acme", "user_42");
    } else {
      assertThat(stream).isEqualTo(tree);
    }
  }

  static Object viaTree(String json) {
    return viaTree(new Buffer().writeUtf8(json));
  }

  static Object viaTree(Buffer json) {
    try {
      WireObject envelope = WireObject.of(OperationCodec.readTree(json), "response");
      String requestId = envelope.obj("meta").str("requestId");
      return VerifyKeyCodec.readVerification(envelope.obj("data"), requestId);
    } catch (WireFormatException | IllegalArgumentException | NullPointerException e) {
      return new WireFormatException("tree", e);
    }
  }

  static Object viaStream(String json) {
    return viaStream(new Buffer().writeUtf8(json));
  }

  static Object viaStream(Buffer json) {
    try {
      Verification v = VerifyKeyCodec.VERIFY_KEY.decode(json).value();
      return v;
    } catch (WireFormatException e) {
      return e;
    }
  }
}
