package dev.keyward.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;

/**
 * {@link Base58#decode}, {@link Secret#of} and {@link KeyFormat#generate} throw nothing but {@link
 * InvalidKeyFormatException}; base58 round-trips; a secret's {@code toString()} never shows more
 * than its start. Regression inputs live in {@code KeyFuzzTestInputs/}.
 */
class KeyFuzzTest {

  /** Returns fuzzer-chosen bytes, so generated keys are reproducible. */
  static final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient byte[] seed;
    int draws;

    FixedRandom(byte[] seed) {
      this.seed = seed;
    }

    @Override
    public void nextBytes(byte[] bytes) {
      draws++;
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = seed.length == 0 ? 0 : seed[i % seed.length];
      }
    }
  }

  @FuzzTest(maxDuration = "1m")
  void base58DecodeThrowsOnlyInvalidKeyFormat(FuzzedDataProvider data) {
    byte[] bytes = data.consumeBytes(64);
    assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
    String text = data.consumeRemainingAsString();
    try {
      byte[] decoded = Base58.decode(text);
      assertThat(Base58.encode(decoded)).isEqualTo(text);
    } catch (InvalidKeyFormatException e) {
      assertThat(e.getMessage()).isNotEmpty();
    }
  }

  @FuzzTest(maxDuration = "3m")
  void secretAndGenerateThrowOnlyInvalidKeyFormat(FuzzedDataProvider data) {
    String prefix = data.consumeBoolean() ? null : data.consumeString(20);
    int byteLength = data.consumeInt(0, 300);
    String raw = data.consumeString(600);
    FixedRandom random = new FixedRandom(data.consumeRemainingAsBytes());
    try {
      Secret key = KeyFormat.generate(prefix, byteLength, random);
      assertThat(random.draws).isEqualTo(1);
      String body = prefix == null ? key.reveal() : key.reveal().substring(prefix.length() + 1);
      assertThat(body).isEqualTo(Base58.encode(Base58.decode(body)));
      assertMasked(key);
    } catch (InvalidKeyFormatException e) {
      assertThat(random.draws).isZero();
    }
    try {
      Secret secret = Secret.of(raw);
      assertThat(secret.reveal()).isEqualTo(raw);
      assertThat(secret.hash()).isEqualTo(KeyFormat.hash(raw)).hasSize(44);
      assertMasked(secret);
    } catch (InvalidKeyFormatException e) {
      if (raw.length() > 8) {
        assertThat(e.getMessage()).doesNotContain(raw);
      }
    }
  }

  private static void assertMasked(Secret secret) {
    String shown = secret.toString();
    String value = secret.reveal();
    assertThat(shown).endsWith("…****");
    String visible = shown.substring(0, shown.length() - "…****".length());
    assertThat(value).startsWith(visible);
    assertThat(visible.length()).isLessThanOrEqualTo(Secret.MAX_VISIBLE);
    assertThat(visible).isEqualTo(KeyFormat.visibleStart(value));
    if (!visible.isEmpty()) {
      assertThat(visible.length() * 2).isLessThanOrEqualTo(value.length());
    }
    // either 8 characters stay hidden, or only the prefix (up to its '_') is shown
    if (value.length() - visible.length() < 8) {
      assertThat(visible.isEmpty() || visible.endsWith("_")).as(visible).isTrue();
    }
  }
}
