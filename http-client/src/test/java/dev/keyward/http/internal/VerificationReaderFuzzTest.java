package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okio.Buffer;

/**
 * On any input, the streamed {@code keys.verifyKey} answer equals the tree reading's, or both fail
 * with {@link WireFormatException}; the one documented difference is a member given twice, which
 * the stream checks both times. Regression inputs live in {@code
 * VerificationReaderFuzzTestInputs/}; fuzz with {@code JAZZER_FUZZ=1}.
 */
class VerificationReaderFuzzTest {
  @FuzzTest(maxDuration = "1m")
  void streamsExactlyWhatTheTreeReads(FuzzedDataProvider data) {
    byte[] json = data.consumeRemainingAsBytes();
    Object tree = VerificationReaderTest.viaTree(new Buffer().write(json));
    Object stream = VerificationReaderTest.viaStream(new Buffer().write(json));
    if (stream instanceof WireFormatException) {
      if (!(tree instanceof WireFormatException)) {
        assertThat(hasDuplicateNames(json)).as("the stream rejected what the tree reads").isTrue();
      }
      return;
    }
    assertThat(stream).isEqualTo(tree);
  }

  private static boolean hasDuplicateNames(byte[] json) {
    try {
      JsonReader.of(new Buffer().write(json)).readJsonValue();
      return false;
    } catch (JsonDataException e) {
      return String.valueOf(e.getMessage()).contains("has multiple values");
    } catch (IOException e) {
      return false;
    }
  }
}
