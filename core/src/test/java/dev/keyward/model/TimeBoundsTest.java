package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Finding 3: instants and durations outside what Unkey's epoch milliseconds carry are a typed
 * {@link IllegalArgumentException} naming the field and the range, never an {@link
 * ArithmeticException} from {@code toEpochMilli()} or {@code toMillis()}.
 */
class TimeBoundsTest {
  private static final List<Instant> BAD_INSTANTS =
      List.of(
          Instant.MAX,
          Instant.MIN,
          Instant.ofEpochMilli(-1),
          Instant.ofEpochMilli(4102444800000L).plusNanos(1));
  private static final List<Duration> HUGE_DURATIONS =
      List.of(
          Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
          Duration.ofSeconds(Long.MIN_VALUE),
          Duration.ofMillis(Long.MAX_VALUE).plusMillis(1),
          Duration.ofMillis(-1));

  private static void rejectsInstants(String field, Consumer<Instant> setter) {
    for (Instant bad : BAD_INSTANTS) {
      assertThatThrownBy(() -> setter.accept(bad))
          .as("%s(%s)", field, bad)
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(field + " must be between")
          .hasMessageContaining("1970-01-01T00:00:00Z")
          .hasMessageContaining("2100-01-01T00:00:00Z");
    }
    setter.accept(Instant.EPOCH);
    setter.accept(Instant.ofEpochMilli(4102444800000L));
  }

  private static void rejectsDurations(String field, Consumer<Duration> setter) {
    for (Duration bad : HUGE_DURATIONS) {
      assertThatThrownBy(() -> setter.accept(bad))
          .as("%s(%s)", field, bad)
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(field + " must be between")
          .hasMessageEndingWith(" ms");
    }
  }

  @Test
  void expiresOutsideUnkeysRangeIsTypedNamingTheField() {
    rejectsInstants("expires", i -> CreateKeyRequest.builder("api_123").expires(i));
    rejectsInstants("expires", i -> UpdateKeyRequest.builder("key_123").expires(i));
    rejectsInstants("expires", i -> MigratedKey.builder("sha256_abc").expires(i));
  }

  @Test
  void hugeOrNegativeDurationsAreTypedNamingTheField() {
    rejectsDurations("duration", d -> RateLimit.of("requests", 10, d, true));
    rejectsDurations("duration", d -> LimitRequest.of("ns", "user_1", 10, d));
    rejectsDurations("duration", d -> SetOverrideRequest.of("ns", "user_1", 10, d));
    rejectsDurations("ratelimit duration", d -> new RatelimitCheck("requests", 1, 10L, d));
    rejectsDurations("expiration", d -> RerollKeyRequest.of("key_123", d));
    rejectsDurations("expiration", d -> RerollRootKeyRequest.of("key_123", d));
  }

  @Test
  void durationsAtTheSpecsLimitsPass() {
    assertThat(LimitRequest.of("ns", "user_1", 10, Duration.ofMillis(2_592_000_000L)).duration())
        .isEqualTo(Duration.ofDays(30));
    assertThat(RateLimit.of("requests", 10, Duration.ofMillis(Long.MAX_VALUE), true).duration())
        .isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    assertThatThrownBy(() -> LimitRequest.of("ns", "user_1", 10, Duration.ofDays(31)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must be between 1000 and 2592000000 ms");
  }
}
