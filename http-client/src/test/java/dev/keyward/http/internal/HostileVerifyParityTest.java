package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.http.HostileBodies;
import dev.keyward.model.Verification;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile verify answers give the stream ({@link VerificationReader}) and the tree ({@link
 * WireReader} with {@link VerifyKeyCodec#readVerification}) the same failure class or the same
 * value, with the documented exception (a duplicate whose first value is mistyped: only the stream
 * rejects it); nesting is cut exactly at {@link WireReader#MAX_DEPTH}; truncation never yields a
 * value.
 */
class HostileVerifyParityTest {
  static final String KEY = "sk_live_3ZZ8mN5dYk1TGQ7vWz2pLhXx";

  static List<String> bodies() {
    List<String> out = new ArrayList<>(HostileBodies.verify(KEY));
    out.removeAll(HostileBodies.mistypedFirstDuplicates(KEY));
    String ok = "\"valid\":true,\"code\":\"VALID\"";
    String m = HostileBodies.META;
    // duplicates: first valid, second wrong type (both reject)
    out.add("{" + m + ",\"data\":{" + ok + ",\"credits\":1,\"credits\":\"" + KEY + "\"}}");
    out.add("{" + m + ",\"data\":{" + ok + ",\"meta\":{},\"meta\":[\"" + KEY + "\"]}}");
    out.add("{" + m + ",\"data\":{" + ok + ",\"roles\":[],\"roles\":{}}}");
    // accepted by both: -0, nulls, key only in an unknown member's name outside meta
    out.add("{" + m + ",\"data\":{" + ok + ",\"credits\":-0}}");
    out.add("{" + m + ",\"data\":{" + ok + ",\"\\u0078\":\"\\ud800\"}}");
    out.add("{" + m + ",\"data\":{" + ok + ",\"x\":{\"" + KEY + "\":[1,2.5,-0,1E400]}}}");
    return out;
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void streamAndTreeAgree(String json) {
    Object tree = VerificationReaderTest.viaTree(json);
    Object stream = VerificationReaderTest.viaStream(json);
    if (tree instanceof Exception || stream instanceof Exception) {
      assertThat(stream).as(json).isInstanceOf(WireFormatException.class);
      assertThat(tree).as(json).isInstanceOf(WireFormatException.class);
      assertThat(((Exception) stream).getMessage()).doesNotContain(KEY, "3ZZ8mN5d");
      assertThat(((Exception) stream).getCause()).isNull();
    } else {
      assertThat(stream).isEqualTo(tree);
      assertThat(((Verification) stream).requestId()).isEqualTo("req_1");
    }
  }

  @ParameterizedTest
  @MethodSource("mistyped")
  void aMistypedFirstDuplicateFailsOnlyTheStreamAsDocumented(String json) {
    assertThat(VerificationReaderTest.viaTree(json)).isInstanceOf(Verification.class);
    assertThat(VerificationReaderTest.viaStream(json)).isInstanceOf(WireFormatException.class);
  }

  static List<String> mistyped() {
    return HostileBodies.mistypedFirstDuplicates(KEY);
  }

  @ParameterizedTest
  @ValueSource(ints = {62, 63, 64, 65, 66, 10_000})
  void nestingIsCutAtSixtyFourLevels(int depth) {
    String arrays = "[".repeat(depth) + "]".repeat(depth);
    String objects = HostileBodies.nested(depth, "\"" + KEY + "\"");
    for (String doc : List.of(arrays, objects)) {
      if (depth <= WireReader.MAX_DEPTH) {
        assertThat(WireReader.read(new Buffer().writeUtf8(doc))).isNotNull();
      } else {
        assertThatThrownBy(() -> WireReader.read(new Buffer().writeUtf8(doc)))
            .isInstanceOf(WireFormatException.class)
            .hasMessageNotContaining(KEY);
      }
    }
    // In a verify answer the envelope and data are two levels: an unknown member in data may nest
    // 62 more, in the stream exactly as in the tree.
    String json =
        "{"
            + HostileBodies.META
            + ",\"data\":{\"valid\":true,\"code\":\"VALID\",\"x\":"
            + arrays
            + "}}";
    Object tree = VerificationReaderTest.viaTree(json);
    Object stream = VerificationReaderTest.viaStream(json);
    assertThat(stream.getClass()).isEqualTo(tree.getClass());
    assertThat(tree instanceof Verification).isEqualTo(depth <= WireReader.MAX_DEPTH - 2);
  }

  @Test
  void numbersOfSixtyFourCharactersPassAndSixtyFiveFail() {
    String n64 = "1" + "0".repeat(63);
    String n65 = "1" + "0".repeat(64);
    assertThat(WireReader.read(new Buffer().writeUtf8(n64))).isNotNull();
    assertThatThrownBy(() -> WireReader.read(new Buffer().writeUtf8(n65)))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void everyTruncationFailsInBothReadings() {
    String full = HostileBodies.verifyOk("req_1");
    for (int cut = 0; cut < full.length(); cut++) {
      String part = full.substring(0, cut);
      assertThat(VerificationReaderTest.viaStream(part)).as(part).isInstanceOf(Exception.class);
      assertThat(VerificationReaderTest.viaTree(part)).as(part).isInstanceOf(Exception.class);
    }
    assertThat(VerificationReaderTest.viaStream(full)).isInstanceOf(Verification.class);
  }
}
