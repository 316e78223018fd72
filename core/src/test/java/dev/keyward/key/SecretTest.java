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
    assertThat(Secret.of("sk_ab12cd34").toString()).isEqualTo("sk_…****");
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
}
