package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchTest {
  @Test
  void threeStatesAreDistinct() {
    Patch<String> absent = Patch.absent();
    Patch<String> clear = Patch.clear();
    Patch<String> set = Patch.set("x");
    assertThat(absent.isAbsent()).isTrue();
    assertThat(clear.isClear()).isTrue();
    assertThat(set.isSet()).isTrue();
    assertThat(set.value()).isEqualTo("x");
    assertThat(absent).isNotEqualTo(clear).isNotEqualTo(set);
    assertThatThrownBy(clear::value).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(absent::value).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void mapKeepsAbsentAndClear() {
    assertThat(Patch.<Integer>absent().map(i -> i + 1).isAbsent()).isTrue();
    assertThat(Patch.<Integer>clear().map(i -> i + 1).isClear()).isTrue();
    assertThat(Patch.set(1).map(i -> i + 1).value()).isEqualTo(2);
  }

  @Test
  void updateKeyFieldsStartAbsent() {
    UpdateKeyRequest r = UpdateKeyRequest.builder("key_123").build();
    assertThat(r.name().isAbsent()).isTrue();
    assertThat(r.externalId().isAbsent()).isTrue();
    assertThat(r.meta().isAbsent()).isTrue();
    assertThat(r.expires().isAbsent()).isTrue();
    assertThat(r.credits().isAbsent()).isTrue();
    assertThat(r.ratelimits()).isNull();
    assertThat(r.enabled()).isNull();
  }

  @Test
  void updateKeySetAndClear() {
    UpdateKeyRequest r =
        UpdateKeyRequest.builder("key_123")
            .name("n")
            .clearExternalId()
            .meta(Map.of("a", 1L))
            .clearExpires()
            .clearCredits()
            .build();
    assertThat(r.name()).isEqualTo(Patch.set("n"));
    assertThat(r.externalId().isClear()).isTrue();
    assertThat(r.meta().value()).containsEntry("a", 1L);
    assertThat(r.expires().isClear()).isTrue();
    assertThat(r.credits().isClear()).isTrue();

    UpdateKeyRequest later =
        UpdateKeyRequest.builder("key_123")
            .clearName()
            .name("again")
            .expires(Instant.EPOCH)
            .credits(CreditsUpdate.unlimited())
            .build();
    assertThat(later.name().value()).isEqualTo("again");
    assertThat(later.credits().value().remaining().isClear()).isTrue();
    assertThat(later.credits().value().refill().isAbsent()).isTrue();
  }

  @Test
  void updateIdentityClearsWithEmptyValues() {
    UpdateIdentityRequest r =
        UpdateIdentityRequest.builder("user_1").clearMeta().clearRatelimits().build();
    assertThat(r.meta()).isEmpty();
    assertThat(r.ratelimits()).isEmpty();
    UpdateIdentityRequest unchanged = UpdateIdentityRequest.builder("user_1").build();
    assertThat(unchanged.meta()).isNull();
    assertThat(unchanged.ratelimits()).isNull();
  }
}
