package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenEnumTest {
  @Test
  void unknownVerificationCodeKeepsRawValue() {
    assertThat(Verification.Code.fromWire("VALID")).isEqualTo(Verification.Code.VALID);
    assertThat(Verification.Code.fromWire("UNKNOWN")).isEqualTo(Verification.Code.UNKNOWN);
    Verification.Code code = Verification.Code.fromWire("QUOTA_PAUSED");
    assertThat(code).isEqualTo(Verification.Code.UNKNOWN);
    Verification v = Verification.builder(code).rawCode("QUOTA_PAUSED").requestId("req_1").build();
    assertThat(v.rawCode()).isEqualTo("QUOTA_PAUSED");
    assertThat(v.valid()).isFalse();
  }

  @Test
  void unknownRefillIntervalKeepsRawValue() {
    Refill weekly = Refill.fromWire("weekly", 5, null);
    assertThat(weekly.interval()).isEqualTo(Refill.Interval.UNKNOWN);
    assertThat(weekly.rawInterval()).isEqualTo("weekly");
    Refill monthly = Refill.fromWire("monthly", 5, 3);
    assertThat(monthly).isEqualTo(Refill.monthly(5, 3));
    assertThat(Refill.daily(1).rawInterval()).isEqualTo("daily");
  }

  @Test
  void creditOperationFromWire() {
    assertThat(UpdateCreditsRequest.CreditOperation.fromWire("increment"))
        .isEqualTo(UpdateCreditsRequest.CreditOperation.INCREMENT);
    assertThatThrownBy(() -> UpdateCreditsRequest.CreditOperation.fromWire("multiply"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set, increment, decrement")
        .hasMessageNotContaining("multiply");
  }
}
