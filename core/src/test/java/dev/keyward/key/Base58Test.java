package dev.keyward.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {

  @Test
  void knownVectors() {
    // Bitcoin's base58 test vectors
    assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("2NEpo7TZRRrLZSi2U");
    assertThat(
            Base58.encode(
                "The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
    assertThat(Base58.encode(new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd}))
        .isEqualTo("11233QC4");
    assertThat(Base58.encode(new byte[0])).isEmpty();
    assertThat(Base58.encode(new byte[] {0})).isEqualTo("1");
  }

  @Test
  void decodeInvertsEncode() {
    Random random = new Random(42);
    for (int n = 0; n < 300; n++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      if (n % 5 == 0 && bytes.length > 2) {
        bytes[0] = 0;
        bytes[1] = 0;
      }
      assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
    }
  }

  @Test
  void decodeRejectsCharactersOutsideTheAlphabetWithoutQuotingInput() {
    for (String bad : new String[] {"0", "O", "I", "l", "é", "\u0000"}) {
      assertThatThrownBy(() -> Base58.decode(bad))
          .isExactlyInstanceOf(InvalidKeyFormatException.class);
    }
    for (String bad : new String[] {"abc+", "ab cd", "3ZxKq8mPv7Rt0WbN2"}) {
      assertThatThrownBy(() -> Base58.decode(bad))
          .isExactlyInstanceOf(InvalidKeyFormatException.class)
          .hasMessageNotContaining(bad);
    }
  }

  @Test
  void decode_beyondItsBound_isRejectedAtOnce() {
    String huge = "z".repeat(10_000_000); // quadratic decoding would run for hours
    long start = System.nanoTime();
    assertThatThrownBy(() -> Base58.decode(huge))
        .isInstanceOf(InvalidKeyFormatException.class)
        .hasMessageStartingWith("input must be at most 1400 base58 characters");
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    assertThat(Base58.decode(Base58.encode(new byte[Base58.MAX_BYTES]))).hasSize(Base58.MAX_BYTES);
    assertThat(Base58.encode(filled(Base58.MAX_BYTES)).length())
        .isLessThanOrEqualTo(Base58.MAX_TEXT);
  }

  @Test
  void encode_beyondItsBound_isRejected() {
    assertThatThrownBy(() -> Base58.encode(new byte[Base58.MAX_BYTES + 1]))
        .isInstanceOf(InvalidKeyFormatException.class)
        .hasMessage("input must be at most 1024 bytes");
  }

  private static byte[] filled(int length) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) 0xff);
    return bytes;
  }
}
