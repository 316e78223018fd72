package dev.keyward.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTest {
  private static final String KEY = "sk_live_3ZxKq8mPv7RtWbN2cYhJdE";

  @Test
  void revealReturnsThePlaintext() {
    assertThat(Secret.of(KEY).reveal()).isEqualTo(KEY);
  }

  @Test
  void startIsUnkeysStart() {
    assertThat(Secret.of(KEY).start()).isEqualTo("sk_live_3ZxK");
    assertThat(Secret.of("3ZxKq8mPv7RtWbN2cYhJdE").start()).isEqualTo("3ZxK");
    assertThat(Secret.of("unkey_3ZxKq8mPv7RtWbN2").start()).isEqualTo("unkey_3ZxK");
  }

  @Test
  void toStringShowsStartAndMaskOnly() {
    assertThat(Secret.of(KEY).toString()).isEqualTo("sk_live_3ZxK…****").doesNotContain("q8mP");
    assertThat(Secret.of("abc").toString()).doesNotContain("abc");
    // shorter than 16 and not of Unkey's shape: nothing shown
    assertThat(Secret.of("sk_ab12cd34").toString()).isEqualTo("…****");
    assertThat(Secret.of("x").toString()).isEqualTo("…****");
  }

  @Test
  void hashIsBase64Sha256() {
    assertThat(Secret.of("hello").hash()).isEqualTo("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
    assertThat(Secret.of(KEY).hash()).isEqualTo(KeyFormat.hash(KEY));
  }

  @Test
  void equalsComparesThePlaintext() {
    assertThat(Secret.of(KEY)).isEqualTo(Secret.of(KEY)).hasSameHashCodeAs(Secret.of(KEY));
    assertThat(Secret.of(KEY)).isNotEqualTo(Secret.of(KEY + "x")).isNotEqualTo(KEY);
  }

  @Test
  void isNotSerializable() {
    assertThat(Serializable.class.isAssignableFrom(Secret.class)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "sk_ab cd", "sk_ab\tcd", "sk_ab\ncd", "sk\u0000ab", "sk\u007fab"})
  void of_rejectsEmptyWhitespaceAndControlCharacters(String value) {
    assertThatThrownBy(() -> Secret.of(value)).isExactlyInstanceOf(InvalidKeyFormatException.class);
  }

  @Test
  void of_rejectsOverlongKeysWithoutQuotingThem() {
    String value = "k".repeat(Secret.MAX_LENGTH + 1);
    assertThatThrownBy(() -> Secret.of(value))
        .isExactlyInstanceOf(InvalidKeyFormatException.class)
        .hasMessageContaining("512")
        .hasMessageNotContaining("kkkk");
    assertThat(Secret.of("k".repeat(Secret.MAX_LENGTH)).reveal()).hasSize(Secret.MAX_LENGTH);
  }

  @Test
  void of_messageNeverQuotesTheInput() {
    assertThatThrownBy(() -> Secret.of("sk_secretvalue with space"))
        .hasMessageNotContaining("secretvalue");
  }

  /** Finding 2: what OkHttp cannot put in a header is rejected by {@code Secret.of}, typed. */
  @Test
  void of_acceptsExactlyVisibleAsciiAtEveryCodeUnit() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String value = "sk_" + (char) c + "3ZxKq8mP";
      boolean visibleAscii = c >= 0x21 && c <= 0x7e;
      if (visibleAscii) {
        assertThat(Secret.of(value).reveal()).isEqualTo(value);
      } else {
        int code = c;
        assertThatThrownBy(() -> Secret.of(value))
            .as("U+%04X", code)
            .isExactlyInstanceOf(InvalidKeyFormatException.class)
            .hasMessageStartingWith("secret has ")
            .hasMessageContaining("at index 3")
            .hasMessageContaining("visible ASCII")
            .hasMessageNotContaining("3ZxK");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk_live_\u200Babcdefgh",
        "sk_live_caf\u00e9abcdef",
        "\uFEFFsk_live_abcdefgh",
        "sk_live_abc\u00A0defgh",
        "sk_live_\uD83D\uDE00abcdef"
      })
  void of_rejectsInvisibleAndNonAsciiCharactersNamingTheField(String value) {
    assertThatThrownBy(() -> Secret.of(value))
        .isExactlyInstanceOf(InvalidKeyFormatException.class)
        .hasMessageStartingWith("secret ")
        .hasMessageContaining("U+0021..U+007E")
        .hasMessageNotContaining("abc")
        .hasMessageNotContaining("live");
  }

  @Test
  void of_rejectsNullAndEmptyNamingTheField() {
    assertThatThrownBy(() -> Secret.of(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("secret must not be null");
    assertThatThrownBy(() -> Secret.of(""))
        .isExactlyInstanceOf(InvalidKeyFormatException.class)
        .hasMessageStartingWith("secret must not be empty");
  }
}
