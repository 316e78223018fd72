package dev.keyward.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFormatTest {

  /** Records every draw and returns fixed bytes. */
  static final class RecordingRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    final List<Integer> draws = new ArrayList<>();

    @Override
    public void nextBytes(byte[] bytes) {
      draws.add(bytes.length);
      Arrays.fill(bytes, (byte) 7);
    }
  }

  @Test
  void generate_drawsExactlyOneNextBytesOfByteLength() {
    RecordingRandom random = new RecordingRandom();
    Secret key = KeyFormat.generate("sk_live", 24, random);
    assertThat(random.draws).containsExactly(24);
    byte[] expected = new byte[24];
    Arrays.fill(expected, (byte) 7);
    assertThat(key.reveal()).isEqualTo("sk_live_" + Base58.encode(expected));
    assertThat(Base58.decode(key.reveal().substring("sk_live_".length()))).isEqualTo(expected);
  }

  @Test
  void generate_withoutPrefixIsBareBase58() {
    Secret key = KeyFormat.generate(null, 16, new SecureRandom());
    assertThat(key.reveal()).doesNotContain("_");
    for (char c : key.reveal().toCharArray()) {
      assertThat(Base58.isBase58(c)).isTrue();
    }
    assertThat(Base58.decode(key.reveal())).hasSizeLessThanOrEqualTo(16);
  }

  @Test
  void generate_byteLengthBounds() {
    SecureRandom random = new SecureRandom();
    assertThat(KeyFormat.generate("a", 16, random).reveal()).startsWith("a_");
    assertThat(KeyFormat.generate("a", 255, random).reveal()).startsWith("a_");
    assertThatThrownBy(() -> KeyFormat.generate("a", 15, random))
        .isExactlyInstanceOf(InvalidKeyFormatException.class);
    assertThatThrownBy(() -> KeyFormat.generate("a", 256, random))
        .isExactlyInstanceOf(InvalidKeyFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "seventeen_chars__", "sk-live", "sk live", "sk.live", "ключ", "sk\u0000"})
  void generate_rejectsBadPrefixes(String prefix) {
    RecordingRandom random = new RecordingRandom();
    assertThatThrownBy(() -> KeyFormat.generate(prefix, 16, random))
        .isExactlyInstanceOf(InvalidKeyFormatException.class);
    assertThat(random.draws).isEmpty();
  }

  @Test
  void generate_acceptsPrefixLimits() {
    assertThat(KeyFormat.generate("A_b_9", 16, new SecureRandom()).reveal()).startsWith("A_b_9_");
    assertThat(KeyFormat.generate("x".repeat(16), 16, new SecureRandom()).start())
        .hasSize(16 + 1 + 4);
  }

  @Test
  void hash_isPaddedBase64OfSha256OfUtf8() {
    // echo -n "" | sha256sum -> e3b0c442...; base64 of it:
    assertThat(KeyFormat.hash("")).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertThat(KeyFormat.hash("é")).isEqualTo(KeyFormat.hash("\u00e9")).hasSize(44).endsWith("=");
  }

  @Test
  void start_rules() {
    assertThat(KeyFormat.start("prefix_ABCDEFG")).isEqualTo("prefix_ABCD");
    assertThat(KeyFormat.start("ABCDEFG")).isEqualTo("ABCD");
    assertThat(KeyFormat.start("AB")).isEqualTo("AB");
    // a '_' beyond where a prefix can end (16 characters) is body, not a separator
    assertThat(KeyFormat.start("Zk3pQ9xW2mLr8TvB5nY7cJ4hD6gF1sA0eUoIqKwEr_x")).isEqualTo("Zk3p");
    assertThat(KeyFormat.start("abcdefghijklmnop_ABCDEFG")).isEqualTo("abcdefghijklmnop_ABCD");
  }

  @Test
  void looksLikeRootKey() {
    assertThat(KeyFormat.looksLikeRootKey("unkey_3ZxKq8mPv7RtWbN2cYhJ")).isTrue();
    assertThat(KeyFormat.looksLikeRootKey("unkey_short")).isFalse();
    assertThat(KeyFormat.looksLikeRootKey("sk_3ZxKq8mPv7RtWbN2cYhJ")).isFalse();
    assertThat(KeyFormat.looksLikeRootKey("unkey_3ZxKq8mPv7RtWbN2cYh0"))
        .isFalse(); // 0 is not base58
  }
}
