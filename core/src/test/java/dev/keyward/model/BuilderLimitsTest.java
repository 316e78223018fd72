package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BuilderLimitsTest {
  private static final String SECRETISH = "zzSECRETzz";

  private static List<String> slugs(int n) {
    return IntStream.range(0, n).mapToObj(i -> "p" + i).toList();
  }

  private static void rejects(ThrowingCallable call, String field, String limit) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field)
        .hasMessageContaining(limit);
  }

  @Test
  void permissionsAtMost1000() {
    assertThat(UpdateKeyRequest.builder("key_123").permissions(slugs(1000)).build().permissions())
        .hasSize(1000);
    rejects(
        () -> UpdateKeyRequest.builder("key_123").permissions(slugs(1001)), "permissions", "1000");
    rejects(() -> AddPermissionsRequest.of("key_123", slugs(1001)), "permissions", "1000");
    rejects(
        () -> CreateRoleRequest.builder("admin").permissions(slugs(1001)), "permissions", "1000");
    rejects(
        () -> MigratedKey.builder("sha256_abc").permissions(slugs(1001)), "permissions", "1000");
  }

  @Test
  void addAndRemoveNeedAtLeastOneItem() {
    rejects(() -> AddPermissionsRequest.of("key_123", List.of()), "permissions", "1");
    rejects(() -> RemoveRolesRequest.of("key_123", List.of()), "roles", "1");
    assertThat(SetRolesRequest.of("key_123", List.of()).roles()).isEmpty();
  }

  @Test
  void rolesAtMost100() {
    assertThat(AddRolesRequest.of("key_123", slugs(100)).roles()).hasSize(100);
    rejects(() -> AddRolesRequest.of("key_123", slugs(101)), "roles", "100");
    rejects(() -> UpdateKeyRequest.builder("key_123").roles(slugs(101)), "roles", "100");
  }

  @Test
  void ratelimitsAtMost50() {
    List<RateLimit> limits =
        Collections.nCopies(51, RateLimit.of("requests", 10, Duration.ofSeconds(1), true));
    rejects(() -> UpdateKeyRequest.builder("key_123").ratelimits(limits), "ratelimits", "50");
    rejects(() -> CreateIdentityRequest.builder("user_1").ratelimits(limits), "ratelimits", "50");
    rejects(() -> UpdateIdentityRequest.builder("user_1").ratelimits(limits), "ratelimits", "50");
  }

  @Test
  void tagsAtMost20() {
    rejects(() -> VerifyKeyRequest.builder("sk_abcdef").tags(slugs(21)), "tags", "20");
  }

  @Test
  void timestampsAtMost2100() {
    Instant last = Instant.ofEpochMilli(4102444800000L);
    assertThat(UpdateKeyRequest.builder("key_123").expires(last).build().expires().value())
        .isEqualTo(last);
    rejects(
        () -> UpdateKeyRequest.builder("key_123").expires(last.plusMillis(1)),
        "expires",
        "2100-01-01");
    rejects(
        () -> RerollKeyRequest.of("key_123", Duration.ofMillis(4102444800001L)),
        "expiration",
        "4102444800000");
    rejects(() -> RerollKeyRequest.of("key_123", Duration.ofMillis(-1)), "expiration", "0");
  }

  @Test
  void idPatternsAndLengthsNameTheFieldNotTheValue() {
    assertThatThrownBy(() -> GetKeyRequest.of("key-" + SECRETISH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyId")
        .hasMessageContaining("[a-zA-Z0-9_]")
        .hasMessageNotContaining(SECRETISH);
    rejects(() -> GetApiRequest.of("api_12"), "apiId", "8 to 255");
    rejects(
        () -> UpdateKeyRequest.builder("key_123").externalId("a b"),
        "externalId",
        "[a-zA-Z0-9_.-]");
    rejects(() -> SetRolePermissionsRequest.of("r!", List.of()), "roleId", "3 to 255");
    assertThatThrownBy(() -> AddPermissionsRequest.of("key_123", List.of("ok", "bad " + SECRETISH)))
        .hasMessageContaining("permission")
        .hasMessageNotContaining(SECRETISH);
  }

  @Test
  void metaAtMost100Properties() {
    Map<String, Object> meta = new HashMap<>();
    IntStream.range(0, 101).forEach(i -> meta.put("k" + i, i));
    rejects(() -> UpdateKeyRequest.builder("key_123").meta(meta), "meta", "100");
  }

  @Test
  void pagingLimitsAndCursor() {
    rejects(() -> ListKeysRequest.builder("api_1").limit(101), "limit", "100");
    rejects(() -> ListIdentitiesRequest.builder().limit(0), "limit", "1");
    rejects(() -> ListPermissionsRequest.builder().cursor(""), "cursor", "1 to 1024");
    rejects(() -> ListRolesRequest.of().withCursor(""), "cursor", "1 to 1024");
    assertThat(ListOverridesRequest.of("ns").limit()).isEqualTo(10);
    assertThat(ListRootKeysRequest.of().limit()).isEqualTo(100);
  }

  @Test
  void ratelimitRequests() {
    rejects(() -> LimitRequest.of("ns", "user", 0, Duration.ofSeconds(1)), "limit", "1");
    rejects(() -> LimitRequest.of("ns", "user", 1, Duration.ofMillis(999)), "duration", "1000");
    rejects(() -> LimitRequest.of("ns", "user", 1, Duration.ofDays(31)), "duration", "2592000000");
    rejects(() -> MultiLimitRequest.of(List.of()), "limits", "1 to 100");
    assertThat(SetOverrideRequest.of("ns", "*", 0, Duration.ofSeconds(1)).limit()).isZero();
  }

  @Test
  void rootKeysNeedAPermission() {
    rejects(() -> CreateRootKeyRequest.of(List.of()), "permissions", "1");
    rejects(
        () -> UpdateRootKeyRequest.builder("key_123").permissions(List.of()), "permissions", "1");
    assertThat(
            CreateRootKeyRequest.builder(List.of("api.*.create_key")).name("deploy").build().name())
        .isEqualTo("deploy");
  }

  @Test
  void updateCreditsReplayableOnlyForSet() {
    assertThat(UpdateCreditsRequest.set("key_123", 5).isReplayable()).isTrue();
    assertThat(UpdateCreditsRequest.setUnlimited("key_123").value()).isNull();
    assertThat(UpdateCreditsRequest.setUnlimited("key_123").isReplayable()).isTrue();
    assertThat(UpdateCreditsRequest.increment("key_123", 5).isReplayable()).isFalse();
    assertThat(UpdateCreditsRequest.decrement("key_123", 5).isReplayable()).isFalse();
    rejects(() -> UpdateCreditsRequest.increment("key_123", -1), "value", "0");
  }
}
