package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.ConflictException;
import dev.keyward.InsufficientPermissionsException;
import dev.keyward.NotFoundException;
import dev.keyward.PreconditionFailedException;
import dev.keyward.UnauthorizedException;
import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import dev.keyward.model.AddRolesRequest;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatePermissionRequest;
import dev.keyward.model.CreateRoleRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.DeleteKeyRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.LimitRequest;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.RateLimit;
import dev.keyward.model.Refill;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.model.SetOverrideRequest;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.permission.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Unkey} of keyward's fakes shares with Unkey: run on {@link
 * InMemoryUnkey} directly and on {@code UnkeyHttpClient} against {@link FakeUnkeyServer} (Invariant
 * 4).
 */
abstract class UnkeyContract {
  protected TestClock clock;
  protected InMemoryUnkey workspace;
  protected Unkey unkey;
  protected String apiId;

  /** The port under test, authenticated as the workspace's bootstrap key. */
  abstract Unkey open(InMemoryUnkey workspace, TestClock clock);

  /**
   * Skips the test where the port cannot speak these operations yet (the HTTP variant's codecs).
   */
  void requires(Operation... ops) {}

  @BeforeEach
  void setUp() {
    clock = TestClock.create();
    workspace = InMemoryUnkey.builder().clock(clock).build();
    unkey = open(workspace, clock);
    apiId = workspace.apis().create(CreateApiRequest.of("contract")).apiId();
  }

  private CreatedKey key(CreateKeyRequest.Builder b) {
    return unkey.keys().create(b.build());
  }

  @Test
  void liveness() {
    assertThat(unkey.liveness().message()).isEqualTo("OK");
  }

  @Test
  void createThenVerifyAndGet() {
    CreatedKey k = key(CreateKeyRequest.builder(apiId).prefix("sk").name("n"));
    Verification v = unkey.keys().verify(k.key());
    assertThat(v.code()).isEqualTo(Code.VALID);
    assertThat(v.keyId()).isEqualTo(k.keyId());
    KeyInfo info = unkey.keys().get(k.keyId());
    assertThat(info.start()).isEqualTo(k.key().start());
    assertThat(info.plaintext()).isNull();
    assertThat(unkey.keys().whoami(k.key()).keyId()).isEqualTo(k.keyId());
  }

  @Test
  void unknownKeyIsNotFound() {
    Verification v = unkey.keys().verify("sk_unknownkey12345678");
    assertThat(v.valid()).isFalse();
    assertThat(v.code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  void disabledThenExpired() {
    CreatedKey k = key(CreateKeyRequest.builder(apiId).expires(clock.instant().plusSeconds(10)));
    unkey.keys().update(UpdateKeyRequest.builder(k.keyId()).enabled(false).build());
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.DISABLED);
    unkey.keys().update(UpdateKeyRequest.builder(k.keyId()).enabled(true).build());
    clock.advance(Duration.ofSeconds(11));
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.EXPIRED);
  }

  @Test
  void creditsSetIncrementDecrement() {
    CreatedKey k = key(CreateKeyRequest.builder(apiId).credits(Credits.of(1)));
    assertThat(unkey.keys().verify(k.key()).credits()).isZero();
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.USAGE_EXCEEDED);
    assertThat(
            unkey
                .keys()
                .updateCredits(UpdateCreditsRequest.set(k.keyId(), 5))
                .credits()
                .remaining())
        .isEqualTo(5);
    assertThat(
            unkey
                .keys()
                .updateCredits(UpdateCreditsRequest.increment(k.keyId(), 2))
                .credits()
                .remaining())
        .isEqualTo(7);
    assertThat(
            unkey
                .keys()
                .updateCredits(UpdateCreditsRequest.decrement(k.keyId(), 10))
                .credits()
                .remaining())
        .isZero();
  }

  @Test
  void dailyRefill() {
    CreatedKey k = key(CreateKeyRequest.builder(apiId).credits(new Credits(0L, Refill.daily(3))));
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.USAGE_EXCEEDED);
    clock.advance(Duration.ofDays(1));
    assertThat(unkey.keys().verify(k.key()).credits()).isEqualTo(2);
  }

  @Test
  void keyRateLimitOverridesIdentityLimitOfSameName() {
    unkey
        .identities()
        .create(
            CreateIdentityRequest.builder("acme")
                .ratelimits(List.of(RateLimit.of("req", 1, Duration.ofMinutes(1), true)))
                .build());
    CreatedKey k =
        key(
            CreateKeyRequest.builder(apiId)
                .externalId("acme")
                .ratelimits(List.of(RateLimit.of("req", 3, Duration.ofMinutes(1), true))));
    for (int i = 0; i < 3; i++) {
      assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.VALID);
    }
    assertThat(unkey.keys().verify(k.key()).code()).isEqualTo(Code.RATE_LIMITED);
  }

  @Test
  void identityRateLimitIsSharedAcrossKeys() {
    unkey
        .identities()
        .create(
            CreateIdentityRequest.builder("shared")
                .ratelimits(List.of(RateLimit.of("req", 2, Duration.ofMinutes(1), true)))
                .build());
    CreatedKey a = key(CreateKeyRequest.builder(apiId).externalId("shared"));
    CreatedKey b = key(CreateKeyRequest.builder(apiId).externalId("shared"));
    assertThat(unkey.keys().verify(a.key()).code()).isEqualTo(Code.VALID);
    assertThat(unkey.keys().verify(b.key()).code()).isEqualTo(Code.VALID);
    Verification third = unkey.keys().verify(a.key());
    assertThat(third.code()).isEqualTo(Code.RATE_LIMITED);
    assertThat(third.identity().externalId()).isEqualTo("shared");
  }

  @Test
  void permissionsThroughRolesAndDirect() {
    unkey.permissions().createPermission(CreatePermissionRequest.of("read", "docs.read"));
    unkey
        .permissions()
        .createRole(CreateRoleRequest.builder("reader").permissions(List.of("docs.read")).build());
    CreatedKey k = key(CreateKeyRequest.builder(apiId).permissions(List.of("docs.write")));
    assertThat(
            unkey
                .keys()
                .verify(
                    VerifyKeyRequest.builder(k.key())
                        .permissions("docs.read AND docs.write")
                        .build())
                .code())
        .isEqualTo(Code.INSUFFICIENT_PERMISSIONS);
    unkey.keys().addRoles(AddRolesRequest.of(k.keyId(), List.of("reader")));
    Verification v =
        unkey
            .keys()
            .verify(
                VerifyKeyRequest.builder(k.key()).permissions("docs.read AND docs.write").build());
    assertThat(v.code()).isEqualTo(Code.VALID);
    assertThat(v.roles()).containsExactly("reader");
  }

  @Test
  void rerollCopiesConfigAndExpiresOldKeyRoundedUpToMinute() {
    clock.set(Instant.parse("2025-01-01T00:00:10Z"));
    CreatedKey old =
        key(CreateKeyRequest.builder(apiId).prefix("sk").name("svc").credits(Credits.of(9)));
    CreatedKey fresh =
        unkey.keys().reroll(RerollKeyRequest.of(old.keyId(), Duration.ofSeconds(30)));
    assertThat(fresh.key().reveal()).startsWith("sk_");
    KeyInfo oldInfo = unkey.keys().get(old.keyId());
    assertThat(oldInfo.expires()).isEqualTo(Instant.parse("2025-01-01T00:01:00Z"));
    KeyInfo newInfo = unkey.keys().get(fresh.keyId());
    assertThat(newInfo.name()).isEqualTo("svc");
    assertThat(newInfo.credits().remaining()).isEqualTo(9);
    clock.set(Instant.parse("2025-01-01T00:01:00.001Z"));
    assertThat(unkey.keys().verify(old.key()).code()).isEqualTo(Code.EXPIRED);
    assertThat(unkey.keys().verify(fresh.key()).code()).isEqualTo(Code.VALID);
  }

  @Test
  void rerollWithZeroRevokesNow() {
    CreatedKey old = key(CreateKeyRequest.builder(apiId));
    unkey.keys().reroll(RerollKeyRequest.of(old.keyId(), Duration.ZERO));
    assertThat(unkey.keys().verify(old.key()).code()).isEqualTo(Code.EXPIRED);
  }

  @Test
  void softAndPermanentDelete() {
    requires(Operation.KEYS_DELETE_KEY, Operation.KEYS_GET_KEY);
    CreatedKey soft = key(CreateKeyRequest.builder(apiId));
    CreatedKey hard = key(CreateKeyRequest.builder(apiId));
    unkey.keys().delete(soft.keyId());
    unkey.keys().delete(DeleteKeyRequest.builder(hard.keyId()).permanent(true).build());
    assertThat(unkey.keys().verify(soft.key()).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(unkey.keys().verify(hard.key()).code()).isEqualTo(Code.NOT_FOUND);
    assertThatThrownBy(() -> unkey.keys().get(soft.keyId())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void listKeysPagesWithOpaqueCursors() {
    for (int i = 0; i < 5; i++) {
      key(CreateKeyRequest.builder(apiId));
    }
    var first = unkey.apis().listKeys(ListKeysRequest.builder(apiId).limit(2).build());
    assertThat(first.items()).hasSize(2);
    assertThat(first.hasMore()).isTrue();
    List<String> all =
        unkey.apis().listKeysAll(ListKeysRequest.builder(apiId).limit(2).build()).stream()
            .map(KeyInfo::keyId)
            .collect(Collectors.toList());
    assertThat(all).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void ratelimitWithOverride() {
    assertThat(
            unkey
                .ratelimits()
                .limit(LimitRequest.of("api", "u1", 1, Duration.ofMinutes(1)))
                .success())
        .isTrue();
    assertThat(
            unkey
                .ratelimits()
                .limit(LimitRequest.of("api", "u1", 1, Duration.ofMinutes(1)))
                .success())
        .isFalse();
    String overrideId =
        unkey
            .ratelimits()
            .setOverride(SetOverrideRequest.of("api", "vip*", 5, Duration.ofMinutes(1)))
            .overrideId();
    var r = unkey.ratelimits().limit(LimitRequest.of("api", "vip1", 1, Duration.ofMinutes(1)));
    assertThat(r.limit()).isEqualTo(5);
    assertThat(r.overrideId()).isEqualTo(overrideId);
  }

  @Test
  void analyticsIsNotConfigured() {
    requires(Operation.ANALYTICS_GET_VERIFICATIONS);
    assertThatThrownBy(() -> unkey.analytics().getVerifications("SELECT 1"))
        .isInstanceOfSatisfying(
            PreconditionFailedException.class,
            e -> assertThat(e.type()).endsWith("/analytics_not_configured"));
  }

  @Test
  void errorsAsUnkeyAnswersThem() {
    requires(
        Operation.PERMISSIONS_CREATE_PERMISSION,
        Operation.IDENTITIES_CREATE_IDENTITY,
        Operation.APIS_DELETE_API);
    assertThatThrownBy(() -> key(CreateKeyRequest.builder(apiId).roles(List.of("nope"))))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.type()).endsWith("/role_not_found"));
    unkey.permissions().createPermission(CreatePermissionRequest.of("p", "p.one"));
    assertThatThrownBy(
            () -> unkey.permissions().createPermission(CreatePermissionRequest.of("p", "p.one")))
        .isInstanceOf(ConflictException.class);
    unkey.identities().create(CreateIdentityRequest.of("dup"));
    assertThatThrownBy(() -> unkey.identities().create(CreateIdentityRequest.of("dup")))
        .isInstanceOf(ConflictException.class);
    workspace.protectApi(apiId);
    assertThatThrownBy(() -> unkey.apis().delete(apiId))
        .isInstanceOfSatisfying(
            UnkeyException.class,
            e -> {
              assertThat(e.status()).isEqualTo(412);
              assertThat(e.type()).endsWith("/protected_resource");
            });
  }

  @Test
  void rootKeysAuthenticateAndAuthorize() {
    requires(
        Operation.ROOT_KEYS_CREATE_ROOT_KEY,
        Operation.ROOT_KEYS_GET_ROOT_KEY,
        Operation.ROOT_KEYS_DELETE_ROOT_KEY,
        Operation.KEYS_GET_KEY);
    assertThatThrownBy(
            () ->
                unkey
                    .withRootKey(Secret.of("unkey_notarealrootkey1234"))
                    .keys()
                    .verify("sk_whatever12345"))
        .isInstanceOf(UnauthorizedException.class);
    CreatedKey target = key(CreateKeyRequest.builder(apiId));
    CreatedKey reader = unkey.rootKeys().create(CreateRootKeyRequest.of(List.of("api.*.read_key")));
    Unkey limited = unkey.withRootKey(reader.key());
    // verify without verify_key: 403 naming what is missing
    assertThatThrownBy(() -> limited.keys().verify(target.key()))
        .isInstanceOfSatisfying(
            InsufficientPermissionsException.class, e -> assertThat(e.missing()).isPresent());
    // createKey without create_key: masked as 404
    assertThatThrownBy(() -> limited.keys().create(CreateKeyRequest.builder(apiId).build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(limited.keys().get(target.keyId()).keyId()).isEqualTo(target.keyId());
    // verify_key on another API: masked as NOT_FOUND
    CreatedKey other =
        unkey.rootKeys().create(CreateRootKeyRequest.of(List.of("api.api_other.verify_key")));
    assertThat(unkey.withRootKey(other.key()).keys().verify(target.key()).code())
        .isEqualTo(Code.NOT_FOUND);
    assertThat(unkey.rootKeys().get(reader.keyId()).permissions())
        .containsExactly("api.*.read_key");
    unkey.rootKeys().delete(reader.keyId());
    assertThatThrownBy(() -> limited.keys().get(target.keyId()))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void withRootKeyLeavesTheOriginalPortAndWorksAsync() throws Exception {
    requires(Operation.ROOT_KEYS_CREATE_ROOT_KEY, Operation.KEYS_GET_KEY);
    CreatedKey target = key(CreateKeyRequest.builder(apiId));
    CreatedKey reader = unkey.rootKeys().create(CreateRootKeyRequest.of(List.of("api.*.read_key")));
    Unkey limited = unkey.withRootKey(reader.key());
    assertThatThrownBy(() -> limited.keys().create(CreateKeyRequest.builder(apiId).build()))
        .isInstanceOf(NotFoundException.class);
    // the original port still acts as the bootstrap key
    assertThat(unkey.keys().create(CreateKeyRequest.builder(apiId).build()).keyId()).isNotBlank();
    // the async mirror switches the same way, and switching back restores the wider key
    dev.keyward.AsyncUnkey async = dev.keyward.AsyncUnkey.wrap(unkey, Runnable::run);
    assertThat(async.withRootKey(reader.key()).keys().get(target.keyId()).get().keyId())
        .isEqualTo(target.keyId());
    assertThat(
            limited
                .withRootKey(workspace.bootstrapKey())
                .keys()
                .create(CreateKeyRequest.builder(apiId).build())
                .keyId())
        .isNotBlank();
  }
}
