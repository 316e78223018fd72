package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the builders fails at once, naming the setting and what is allowed, never echoing
 * the value (a base URL may carry a credential).
 */
class BuilderValidationTest {
  static final String SECRET = "s3cr3tPassw0rdValue";

  @Test
  void timeoutsOutOfRangeAreRejectedNamingTheSetting() {
    List<Duration> bad =
        List.of(
            Duration.ofSeconds(-1),
            Duration.ofNanos(1),
            Duration.ofMillis(Integer.MAX_VALUE + 1L),
            Duration.ofSeconds(Long.MAX_VALUE));
    check("connectTimeout", bad, UnkeyHttpClient.Builder::connectTimeout);
    check("readTimeout", bad, UnkeyHttpClient.Builder::readTimeout);
    check("callTimeout", bad, UnkeyHttpClient.Builder::callTimeout);
  }

  @Test
  void requestOptionTimeoutsAreCheckedAlike() {
    List<Duration> bad = List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(30));
    for (Duration d : bad) {
      assertThatThrownBy(() -> RequestOptions.builder().callTimeout(d))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("callTimeout must be between 1 ms and 2147483647 ms");
      assertThatThrownBy(() -> RequestOptions.builder().readTimeout(d))
          .hasMessageStartingWith("readTimeout must be");
      assertThatThrownBy(() -> RequestOptions.builder().connectTimeout(d))
          .hasMessageStartingWith("connectTimeout must be");
    }
  }

  @Test
  void baseUrlMustBeHttpWithoutCredentialsQueryOrFragment() {
    for (String bad :
        List.of(
            "ftp://example.com/",
            "not a url " + SECRET,
            "https://user:" + SECRET + "@api.unkey.com",
            "https://api.unkey.com/?token=" + SECRET,
            "https://api.unkey.com/#" + SECRET)) {
      assertThatThrownBy(() -> UnkeyHttpClient.builder().baseUrl(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("baseUrl must be an http or https URL without user info, query or fragment")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void maxResponseBytesMustBePositive() {
    for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
      assertThatThrownBy(() -> UnkeyHttpClient.builder().maxResponseBytes(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("maxResponseBytes must be at least 1");
    }
  }

  @Test
  void nullsAreRejectedNamingTheSetting() {
    UnkeyHttpClient.Builder b = UnkeyHttpClient.builder();
    assertThatThrownBy(() -> b.baseUrl((String) null)).hasMessage("baseUrl == null");
    assertThatThrownBy(() -> b.baseUrl((okhttp3.HttpUrl) null)).hasMessage("baseUrl == null");
    assertThatThrownBy(() -> b.connectTimeout(null)).hasMessage("connectTimeout == null");
    assertThatThrownBy(() -> b.readTimeout(null)).hasMessage("readTimeout == null");
    assertThatThrownBy(() -> b.callTimeout(null)).hasMessage("callTimeout == null");
    assertThatThrownBy(() -> b.rootKey(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.rootKeyProvider(null)).hasMessage("provider == null");
    assertThatThrownBy(() -> b.okHttpClient(null)).hasMessage("okHttpClient == null");
    assertThatThrownBy(() -> b.retryPolicy(null)).hasMessage("retryPolicy == null");
    assertThatThrownBy(() -> b.eventListener(null)).hasMessage("eventListener == null");
    assertThatThrownBy(() -> b.clock(null)).hasMessage("clock == null");
    assertThatThrownBy(() -> b.sleeper(null)).hasMessage("sleeper == null");
    assertThatThrownBy(() -> b.redactor(null)).hasMessage("redactor == null");
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rootKey(...)");
  }

  @Test
  void retryPolicyDurationsMustBeInRange() {
    for (Duration d : List.of(Duration.ofMillis(-1), Duration.ofSeconds(Long.MAX_VALUE))) {
      assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(d))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("initialBackoff must be between 0 and 365 days");
      assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(d))
          .hasMessage("maxBackoff must be between 0 and 365 days");
      assertThatThrownBy(() -> RetryPolicy.builder().budget(d))
          .hasMessage("budget must be between 0 and 365 days");
    }
  }

  static void check(
      String setting, List<Duration> bad, BiConsumer<UnkeyHttpClient.Builder, Duration> set) {
    for (Duration d : bad) {
      assertThatThrownBy(() -> set.accept(UnkeyHttpClient.builder(), d))
          .as("%s(%s)", setting, d)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(setting + " must be 0 (none) or between 1 ms and 2147483647 ms");
    }
  }
}
