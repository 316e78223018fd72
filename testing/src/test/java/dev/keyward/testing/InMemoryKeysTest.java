package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.NotFoundException;
import dev.keyward.UnauthorizedException;
import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRoleRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.RateLimit;
import dev.keyward.model.RatelimitCheck;
import dev.keyward.model.Refill;
import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import dev.keyward.model.VerifyKeyRequest;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryKeysTest {
  private final TestClock clock = TestClock.create();
  private final InMemoryUnkey unkey = InMemoryUnkey.builder().clock(clock).build();
  private final String apiId = unkey.workspace().createApi("test").id;

  @Test
  void createThenVerify() {
    CreatedKey created =
        unkey.keys().create(CreateKeyRequest.builder(apiId).prefix("sk").name("n").build());
    assertThat(created.key().reveal()).startsWith("sk_");
    Verification v = unkey.keys().verify(created.key());
    assertThat(v.valid()).isTrue();
    assertThat(v.code()).isEqualTo(Code.VALID);
    assertThat(v.keyId()).isEqualTo(created.keyId());
    assertThat(v.name()).isEqualTo("n");
    assertThat(v.requestId()).startsWith("req_");
  }

  @Test
  void verifyBySecretOrStringAnswersAsTheFullRequestDoes() {
    unkey.permissions().createRole(CreateRoleRequest.builder("reader").build());
    CreatedKey created =
        unkey
            .keys()
            .create(
                CreateKeyRequest.builder(apiId)
                    .name("n")
                    .meta(Map.of("plan", "pro"))
                    .credits(Credits.of(3))
                    .permissions(List.of("docs.read"))
                    .roles(List.of("reader"))
                    .externalId("user_1")
                    .ratelimits(
                        List.of(new RateLimit(null, "calls", 10, Duration.ofSeconds(1), true)))
                    .build());
    Verification byRequest = unkey.keys().verify(VerifyKeyRequest.of(created.key()));
    Verification bySecret = unkey.keys().verify(created.key());
    Verification byString = unkey.keys().verify(created.key().reveal());
    for (Verification v : List.of(bySecret, byString)) {
      assertThat(v)
          .usingRecursiveComparison()
          .ignoringFields("requestId", "credits", "ratelimits.remaining")
          .isEqualTo(byRequest);
      assertThat(v.ratelimits()).hasSize(1);
    }
    assertThat(List.of(byRequest.credits(), bySecret.credits(), byString.credits()))
        .containsExactly(2L, 1L, 0L);
    assertThat(byString.permissions()).containsExactly("docs.read");
    assertThat(byString.roles()).containsExactly("reader");
    assertThat(byString.meta()).containsEntry("plan", "pro");
    assertThat(byString.identity().externalId()).isEqualTo("user_1");
    assertThat(unkey.keys().verify(created.key()).code()).isEqualTo(Code.USAGE_EXCEEDED);
  }

  @Test
  void verifyNullKeyThrows() {
    assertThatThrownBy(() -> unkey.keys().verify((Secret) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key == null");
    assertThatThrownBy(() -> unkey.keys().verify((String) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void storesOnlyTheHash() throws Exception {
    CreatedKey created = unkey.keys().create(CreateKeyRequest.builder(apiId).build());
    StoredKey stored = unkey.workspace().keys.get(created.keyId());
    assertThat(stored.hash).isEqualTo(KeyFormat.hash(created.key().reveal()));
    for (Field f : StoredKey.class.getDeclaredFields()) {
      f.setAccessible(true);
      assertThat(String.valueOf(f.get(stored))).doesNotContain(created.key().reveal());
    }
  }

  @Test
  void unknownKeyIsNotFoundWithNothingElse() {
    Verification v = unkey.keys().verify("sk_doesnotexist1234");
    assertThat(v.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(v.keyId()).isNull();
    assertThat(v.enabled()).isNull();
  }

  @Test
  void expiresStrictlyAfterTheInstant() {
    Instant expires = clock.instant().plusSeconds(60);
    CreatedKey k = unkey.keys().create(CreateKeyRequest.builder(apiId).expires(expires).build());
    clock.advance(Duration.ofSeconds(60));
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.VALID);
    clock.advance(Duration.ofMillis(1));
    Verification v = unkey.keys().verify(k.key());
    assertThat(v.code()).isEqualTo(Code.EXPIRED);
    assertThat(v.keyId()).isEqualTo(k.keyId());
  }

  @Test
  void disabledComesBeforeExpired() {
    CreatedKey k =
        unkey
            .keys()
            .create(
                CreateKeyRequest.builder(apiId)
                    .enabled(false)
                    .expires(clock.instant().minusSeconds(1))
                    .build());
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.DISABLED);
  }

  @Test
  void creditsAreSpentAndExhausted() {
    CreatedKey k =
        unkey.keys().create(CreateKeyRequest.builder(apiId).credits(Credits.of(3)).build());
    assertThat(unkey.keys().verify(k.key()).credits()).isEqualTo(2);
    Verification two = unkey.keys().verify(VerifyKeyRequest.builder(k.key()).cost(2).build());
    assertThat(two.code()).isEqualTo(Code.VALID);
    assertThat(two.credits()).isZero();
    Verification none = unkey.keys().verify(k.key());
    assertThat(none.code()).isEqualTo(Code.USAGE_EXCEEDED);
    assertThat(none.valid()).isFalse();
  }

  @Test
  void dailyRefillAtMidnightUtc() {
    CreatedKey k =
        unkey
            .keys()
            .create(
                CreateKeyRequest.builder(apiId).credits(new Credits(1L, Refill.daily(5))).build());
    unkey.keys().verify(k.key());
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.USAGE_EXCEEDED);
    clock.advance(Duration.ofDays(1));
    assertThat(unkey.keys().verify(k.key()).credits()).isEqualTo(4);
  }

  @Test
  void monthlyRefillOnLastDayOfShortMonth() {
    clock.set(Instant.parse("2025-02-10T00:00:00Z"));
    CreatedKey k =
        unkey
            .keys()
            .create(
                CreateKeyRequest.builder(apiId)
                    .credits(new Credits(0L, Refill.monthly(10, 31)))
                    .build());
    clock.set(Instant.parse("2025-02-27T12:00:00Z"));
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.USAGE_EXCEEDED);
    clock.set(Instant.parse("2025-02-28T00:00:01Z"));
    assertThat(unkey.keys().verify(k.key()).credits()).isEqualTo(9);
  }

  @Test
  void autoApplyRateLimit() {
    CreatedKey k =
        unkey
            .keys()
            .create(
                CreateKeyRequest.builder(apiId)
                    .ratelimits(List.of(RateLimit.of("requests", 2, Duration.ofSeconds(10), true)))
                    .build());
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.VALID);
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.VALID);
    Verification limited = unkey.keys().verify(k.key());
    assertThat(limited.code()).isEqualTo(Code.RATE_LIMITED);
    assertThat(limited.ratelimits())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.exceeded()).isTrue();
              assertThat(s.remaining()).isZero();
            });
    clock.advance(Duration.ofSeconds(10));
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.VALID);
  }

  @Test
  void unknownNamedRateLimitIsPreconditionFailed() {
    CreatedKey k = unkey.keys().create(CreateKeyRequest.builder(apiId).build());
    assertThatThrownBy(
            () ->
                unkey
                    .keys()
                    .verify(
                        VerifyKeyRequest.builder(k.key())
                            .ratelimits(List.of(RatelimitCheck.named("nope")))
                            .build()))
        .isInstanceOf(dev.keyward.PreconditionFailedException.class);
  }

  @Test
  void permissionQuery() {
    unkey.workspace();
    CreatedKey k =
        unkey
            .keys()
            .create(CreateKeyRequest.builder(apiId).permissions(List.of("documents.read")).build());
    assertThat(
            unkey
                .keys()
                .verify(VerifyKeyRequest.builder(k.key()).permissions("documents.read").build())
                .code())
        .isEqualTo(Code.VALID);
    assertThat(
            unkey
                .keys()
                .verify(
                    VerifyKeyRequest.builder(k.key())
                        .permissions("documents.read AND documents.write")
                        .build())
                .code())
        .isEqualTo(Code.INSUFFICIENT_PERMISSIONS);
  }

  @Test
  void unknownRoleIs404() {
    assertThatThrownBy(
            () ->
                unkey
                    .keys()
                    .create(CreateKeyRequest.builder(apiId).roles(List.of("admin")).build()))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).type()).endsWith("/role_not_found"));
  }

  @Test
  void unknownApiIs404() {
    assertThatThrownBy(() -> unkey.keys().create(CreateKeyRequest.builder("api_missing").build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void unknownRootKeyIs401() {
    InMemoryUnkey stranger = unkey.as(Secret.of("unkey_notarootkey12345678"));
    assertThatThrownBy(() -> stranger.keys().verify("sk_whatever1234"))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void maskedDenialExplainsTheMaskingAsTheClientDoes() {
    String apiId = unkey.apis().create(dev.keyward.model.CreateApiRequest.of("masked")).apiId();
    CreatedKey reader =
        unkey
            .rootKeys()
            .create(dev.keyward.model.CreateRootKeyRequest.of(List.of("api.*.read_key")));
    assertThatThrownBy(
            () ->
                unkey
                    .withRootKey(reader.key())
                    .keys()
                    .create(CreateKeyRequest.builder(apiId).build()))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage())
                  .contains("api_not_found")
                  .contains("Unkey answers 404 for both")
                  .contains("permissions")
                  .doesNotContain(reader.key().reveal());
            });
  }
}
