package dev.keyward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import dev.keyward.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link VaultSecretStore} beyond the contract: retries, Vault's refusals, auth, the provider. */
class VaultSecretStoreTest {
  static final String TOKEN_A = "tok-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String TOKEN_B = "tok-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  final TestClock clock = TestClock.create();
  final FakeVaultServer vault = FakeVaultServer.start(clock);
  final Secret v1 = Secret.of("unkey_vaultTestValueOne111111111");
  final Secret v2 = Secret.of("unkey_vaultTestValueTwo222222222");

  @AfterEach
  void stop() {
    vault.close();
  }

  VaultStoreBuilder builder(VaultAuth auth) {
    return VaultSecretStore.builder(URI.create(vault.url()), auth).pathPrefix("app/").clock(clock);
  }

  VaultSecretStore store() {
    return builder(VaultAuth.token(vault.rootToken())).build();
  }

  @Test
  void retriedWritesLeaveTheVersionCountUnchanged() {
    VaultSecretStore store = store();
    VersionedSecret first = store.write("KEY", v1, SecretVersion.ABSENT, TOKEN_A);
    assertThat(vault.versionCount("secret", "app/KEY")).isEqualTo(1);
    assertThat(store().write("KEY", v1, SecretVersion.ABSENT, TOKEN_A).version())
        .isEqualTo(first.version());
    VersionedSecret staged = store.stage("KEY", v2, TOKEN_B);
    assertThat(vault.versionCount("secret", "app/KEY")).isEqualTo(2);
    assertThat(store().stage("KEY", v2, TOKEN_B).version()).isEqualTo(staged.version());
    assertThat(store().write("KEY", v1, SecretVersion.ABSENT, TOKEN_A).version())
        .isEqualTo(first.version());
    assertThat(vault.versionCount("secret", "app/KEY")).as("no retry wrote").isEqualTo(2);
    store.promote("KEY", staged.version());
    store.promote("KEY", staged.version());
    assertThat(vault.versionCount("secret", "app/KEY")).isEqualTo(3);
    assertThat(store.readStage("KEY", Stage.PREVIOUS).orElseThrow().value()).isEqualTo(v1);
  }

  @Test
  void theLatestVersionHoldsTheCurrentValueForOtherReadersAndNoValueInTheState() {
    VaultSecretStore store = store();
    store.write("KEY", v1, SecretVersion.ABSENT, TOKEN_A);
    store.stage("KEY", v2, TOKEN_B);
    Map<String, Object> latest = vault.latest("secret", "app/KEY");
    assertThat(latest).containsEntry("value", v1.reveal());
    assertThat(latest.get("keyward-state").toString())
        .doesNotContain(v1.reveal())
        .doesNotContain(v2.reveal())
        .contains(TOKEN_B);
  }

  @Test
  void aValueWrittenByHandBecomesCurrentWithAVersionOfItsOwn() {
    VaultSecretStore store = store();
    VersionedSecret first = store.write("KEY", v1, SecretVersion.ABSENT, TOKEN_A);
    Map<String, Object> edited = new LinkedHashMap<>(vault.latest("secret", "app/KEY"));
    edited.put("value", v2.reveal());
    edited.put("other", "kept");
    // a `vault kv put` that copied every field: keyward's state now describes an older version
    store.kv.write("app/KEY", edited, 1);
    VersionedSecret current = store.readVersioned("KEY").orElseThrow();
    assertThat(current.value()).isEqualTo(v2);
    assertThat(current.version()).isEqualTo(SecretVersion.of("2"));
    assertThat(store.readStage("KEY", Stage.PREVIOUS).orElseThrow().version())
        .isEqualTo(first.version());
    assertThatThrownBy(() -> store.write("KEY", v1, first.version(), TOKEN_B))
        .isInstanceOf(SecretStoreException.class);
    store.write("KEY", v1, current.version(), TOKEN_B);
    assertThat(vault.latest("secret", "app/KEY")).containsEntry("other", "kept");
  }

  @Test
  void aMissingMountIsNotFoundNamingTheMount() {
    VaultSecretStore store = builder(VaultAuth.token(vault.rootToken())).mount("kv-nope").build();
    assertThatThrownBy(() -> store.read("KEY"))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("kv-nope")
        .satisfies(e -> assertReason(e, SecretStoreException.Reason.NOT_FOUND));
    assertThatThrownBy(() -> store.write("KEY", v1))
        .satisfies(e -> assertReason(e, SecretStoreException.Reason.NOT_FOUND));
  }

  @Test
  void aMissingSecretReadsEmptyAndCannotBePromoted() {
    VaultSecretStore store = store();
    assertThat(store.read("NOPE")).isEmpty();
    assertThat(store.readStage("NOPE", Stage.PREVIOUS)).isEmpty();
    assertThat(store.unstage("NOPE", SecretVersion.of("3"))).isFalse();
    assertThatThrownBy(() -> store.promote("NOPE", SecretVersion.of("3")))
        .hasMessageContaining("NOPE")
        .satisfies(e -> assertReason(e, SecretStoreException.Reason.NO_SUCH_VERSION));
  }

  @Test
  void aPolicyDenialNamesMountAndPathButNoCredential() {
    Secret readOnly = vault.token(Map.of("secret/data/app/*", Set.of("read")), Duration.ofHours(1));
    VaultSecretStore store = builder(VaultAuth.token(readOnly)).build();
    assertThat(store.read("KEY")).isEmpty();
    assertThatThrownBy(() -> store.write("KEY", v1, SecretVersion.ABSENT, TOKEN_A))
        .hasMessageContaining("mount secret, path app/KEY")
        .hasMessageNotContaining(readOnly.reveal())
        .hasMessageNotContaining(v1.reveal())
        .satisfies(e -> assertReason(e, SecretStoreException.Reason.PERMISSION_DENIED));
  }

  @Test
  void anExpiredTokenIsPermissionDenied() {
    Secret shortLived = vault.token(Map.of("secret/*", Set.of("*")), Duration.ofMinutes(5));
    VaultSecretStore store = builder(VaultAuth.token(shortLived)).build();
    store.write("KEY", v1);
    clock.advance(Duration.ofMinutes(6));
    assertThatThrownBy(() -> store.read("KEY"))
        .hasMessageContaining("expired")
        .hasMessageNotContaining(shortLived.reveal())
        .satisfies(e -> assertReason(e, SecretStoreException.Reason.PERMISSION_DENIED));
  }

  @Test
  void appRoleLogsInAndLogsInAgainBeforeItsTokenExpires() {
    Secret secretId = Secret.of("approle-secret-id-0123456789abcdef");
    vault.appRole("rotator", secretId, Map.of("secret/*", Set.of("*")), Duration.ofMinutes(30));
    VaultSecretStore store = builder(VaultAuth.appRole("rotator", secretId)).build();
    store.write("KEY", v1);
    clock.advance(Duration.ofMinutes(25)); // past 2/3 of the lease: logs in again first
    assertThat(store.read("KEY")).contains(v1);
    vault.revokeAll(); // refused: logs in again once and retries
    assertThat(store.read("KEY")).contains(v1);
    assertThat(vault.accesses().stream().filter(a -> a.path().equals("auth/approle/login")))
        .hasSize(3);
    assertThat(VaultAuth.appRole("rotator", secretId).toString())
        .doesNotContain(secretId.reveal())
        .doesNotContain("rotator");
  }

  @Test
  void aWrongSecretIdIsPermissionDeniedWithoutTheSecretId() {
    Secret wrong = Secret.of("approle-wrong-secret-id-0123456789");
    vault.appRole(
        "rotator",
        Secret.of("approle-secret-id-0123456789abcdef"),
        Map.of("secret/*", Set.of("*")),
        Duration.ofMinutes(30));
    VaultSecretStore store = builder(VaultAuth.appRole("rotator", wrong)).build();
    assertThatThrownBy(() -> store.read("KEY"))
        .hasMessageContaining("auth/approle")
        .hasMessageNotContaining(wrong.reveal())
        .satisfies(e -> assertReason(e, SecretStoreException.Reason.PERMISSION_DENIED));
  }

  @Test
  void theProviderReadsAgainOnlyAfterItsInterval() {
    VaultSecretStore store = store();
    store.write("KEY", v1);
    RootKeyProvider provider = store.rootKeyProvider("KEY", Duration.ofMinutes(1));
    assertThat(provider.current()).isEqualTo(v1);
    store.write("KEY", v2);
    assertThat(provider.current()).as("within the interval").isEqualTo(v1);
    clock.advance(Duration.ofSeconds(61));
    assertThat(provider.current()).isEqualTo(v2);
    assertThatThrownBy(() -> store.rootKeyProvider("EMPTY", Duration.ofMinutes(1)).current())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EMPTY");
  }

  @Test
  void badNamesAndPrefixesAreRefusedNamingTheRule() {
    assertThatThrownBy(() -> store().read("../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must match");
    assertThatThrownBy(() -> builder(VaultAuth.token(vault.rootToken())).pathPrefix("a"))
        .hasMessageContaining("prefix");
    assertThat(List.of(store(), VaultAuth.token(vault.rootToken())).toString())
        .doesNotContain(vault.rootToken().reveal());
  }

  static void assertReason(Throwable e, SecretStoreException.Reason reason) {
    assertThat(e).isInstanceOf(SecretStoreException.class);
    assertThat(((SecretStoreException) e).reason()).isEqualTo(reason);
  }
}
