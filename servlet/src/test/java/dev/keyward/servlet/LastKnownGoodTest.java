package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The last-known-good table's bounds and its "once refused, never good" rule. */
class LastKnownGoodTest {
  final MutableClock clock = new MutableClock();
  final LastKnownGood table = new LastKnownGood(3, Duration.ofMinutes(5).toMillis(), clock);

  static Verification valid(String id) {
    return Verification.builder(Code.VALID).keyId(id).build();
  }

  @Test
  void entriesAreBoundedAndRefusalsOutliveValidOnes() {
    table.record("h_refused", Verification.builder(Code.RATE_LIMITED).build());
    for (int i = 0; i < 10; i++) {
      table.record("h_" + i, valid("key_" + i));
    }

    assertThat(table.size()).isEqualTo(3);
    table.record("h_refused", valid("key_r"));
    assertThat(table.lookup("h_refused")).isNull();
    assertThat(table.lookup("h_9")).isNotNull();
  }

  @Test
  void aTableFullOfRefusalsTakesNoValidKeyButStillTakesRefusals() {
    for (int i = 0; i < 3; i++) {
      table.record("h_" + i, Verification.builder(Code.NOT_FOUND).build());
    }
    table.record("h_new", valid("key_new"));
    table.record("h_refused_too", Verification.builder(Code.USAGE_EXCEEDED).build());

    assertThat(table.size()).isEqualTo(3);
    assertThat(table.lookup("h_new")).isNull();
  }

  @Test
  void entriesPastTheWindowAreEvictedFirstAndNeverServed() {
    table.record("h_old", valid("key_old"));
    clock.advance(Duration.ofMinutes(5));
    assertThat(table.lookup("h_old")).isNull();
    table.record("h_1", valid("key_1"));
    table.record("h_2", valid("key_2"));
    table.record("h_3", valid("key_3"));

    assertThat(table.size()).isEqualTo(3);
    assertThat(table.lookup("h_1").keyId()).isEqualTo("key_1");
    assertThat(table.lookup("h_3").keyId()).isEqualTo("key_3");
  }

  @Test
  void aKeyPastItsOwnExpiryIsNotServed() {
    table.record(
        "h_exp",
        Verification.builder(Code.VALID)
            .keyId("key_exp")
            .expires(clock.instant().plusSeconds(60))
            .build());
    assertThat(table.lookup("h_exp")).isNotNull();
    clock.advance(Duration.ofSeconds(60));
    assertThat(table.lookup("h_exp")).isNull();
  }
}
