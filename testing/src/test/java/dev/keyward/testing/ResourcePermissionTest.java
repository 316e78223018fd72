package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.ForbiddenException;
import dev.keyward.NotFoundException;
import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.AddPermissionsRequest;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.GetKeyRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.permission.LeastPrivilege;
import dev.keyward.permission.Operation;
import dev.keyward.permission.Recording;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Root keys holding Unkey's resource permissions ({@code unkey:v1:…}): both fakes evaluate the
 * handlers' resource-name legs with the workspace, key space and key ids, as Unkey does.
 */
class ResourcePermissionTest {
  private final InMemoryUnkey unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
  private final String billing =
      unkey.unrecorded().apis().create(CreateApiRequest.of("billing")).apiId();
  private final String other =
      unkey.unrecorded().apis().create(CreateApiRequest.of("other")).apiId();

  @Test
  void createKeyPermissionOnOneKeyspace_createsThereOnly() {
    Unkey service = holding(urn("keyspaces/" + ks(billing) + "#create_key"));

    assertThat(service.keys().create(CreateKeyRequest.builder(billing).build()).keyId())
        .startsWith("key_");
    // Unkey answers 404 for an API the key may not create keys in, not 403
    assertThatThrownBy(() -> service.keys().create(CreateKeyRequest.builder(other).build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theRecordingHoldsTheQueryEvaluated_withItsResourceLeg() {
    Unkey service = holding(urn("keyspaces/" + ks(billing) + "#create_key"));
    service.keys().create(CreateKeyRequest.builder(billing).build());

    Recording.Call call = unkey.recording().calls().get(unkey.recording().calls().size() - 1);
    assertThat(call.operation()).isEqualTo(Operation.KEYS_CREATE_KEY);
    assertThat(call.allowed()).isTrue();
    assertThat(call.query().permissions())
        .contains(
            "api." + billing + ".create_key", urn("keyspaces/" + ks(billing) + "#create_key"));
    // derivation keeps answering in tuples: the resource leg names the fake's own ids
    assertThat(LeastPrivilege.from(unkey.recording()).permissions())
        .containsExactly("api.<billing>.create_key");
  }

  @Test
  void keyWildcards_followUnkeysRules() {
    String inBilling = key(billing);
    String inOther = key(other);
    Unkey anyKey = holding(urn("keyspaces/*/keys/*#update_key"));
    Unkey billingKeys = holding(urn("keyspaces/" + ks(billing) + "/keys/**#update_key"));
    Unkey oneKey = holding(urn("keyspaces/" + ks(billing) + "/keys/" + inBilling + "#read_key"));

    anyKey.keys().update(UpdateKeyRequest.builder(inBilling).name("x").build());
    anyKey.keys().update(UpdateKeyRequest.builder(inOther).name("x").build());
    assertThatThrownBy(() -> anyKey.keys().create(CreateKeyRequest.builder(billing).build()))
        .as("keys/* covers keys, not the key space's create_key")
        .isInstanceOf(NotFoundException.class);
    billingKeys.keys().update(UpdateKeyRequest.builder(inBilling).name("y").build());
    assertThatThrownBy(
            () -> billingKeys.keys().update(UpdateKeyRequest.builder(inOther).name("y").build()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(oneKey.keys().get(GetKeyRequest.of(inBilling)).keyId()).isEqualTo(inBilling);
    assertThatThrownBy(() -> oneKey.keys().get(GetKeyRequest.of(key(billing))))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anotherWorkspacesResourcePermission_grantsNothing() {
    Unkey foreign = holding("unkey:v1:ws_elsewhere:**#*");

    assertThatThrownBy(() -> foreign.keys().create(CreateKeyRequest.builder(billing).build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void verifyKey_withAResourcePermission() {
    Secret plaintext = unkey.keys().create(CreateKeyRequest.builder(billing).build()).key();
    Secret otherPlaintext = unkey.keys().create(CreateKeyRequest.builder(other).build()).key();
    Unkey verifier = holding(urn("keyspaces/" + ks(billing) + "/keys/*#verify_key"));

    assertThat(verifier.keys().verify(plaintext).valid()).isTrue();
    assertThat(verifier.keys().verify(otherPlaintext).valid()).isFalse();
  }

  @Test
  void updateKey_createsMissingPermissionSlugsWithUpdateKeyAlone() {
    // Unkey's updateKey handler checks update_key only, also when the body names new slugs
    String inBilling = key(billing);
    Unkey updater = holding("api." + billing + ".update_key");

    updater
        .keys()
        .update(UpdateKeyRequest.builder(inBilling).permissions(List.of("new.a")).build());

    assertThat(unkey.keys().get(GetKeyRequest.of(inBilling)).permissions()).contains("new.a");
    assertThatThrownBy(
            () ->
                updater
                    .keys()
                    .addPermissions(AddPermissionsRequest.of(inBilling, List.of("new.b"))))
        .as("addPermissions asks rbac.*.add_permission_to_key and, for new.b, create_permission")
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void overHttp_theServerEvaluatesTheResourceLegs() {
    try (FakeUnkeyServer server = FakeUnkeyServer.start(unkey)) {
      Function<Secret, Unkey> client =
          key -> UnkeyHttpClient.builder().baseUrl(server.url()).rootKey(key).build();
      Unkey creator = client.apply(rootKey(urn("keyspaces/" + ks(billing) + "#create_key")));
      Unkey updater = client.apply(rootKey(urn("keyspaces/*/keys/*#update_key")));

      String created = creator.keys().create(CreateKeyRequest.builder(billing).build()).keyId();
      assertThatThrownBy(() -> creator.keys().create(CreateKeyRequest.builder(other).build()))
          .isInstanceOf(NotFoundException.class);
      updater.keys().update(UpdateKeyRequest.builder(created).name("over http").build());
      assertThatThrownBy(() -> updater.keys().create(CreateKeyRequest.builder(other).build()))
          .isInstanceOf(NotFoundException.class);

      assertThat(server.recording().calls())
          .filteredOn(c -> c.operation() == Operation.KEYS_UPDATE_KEY)
          .singleElement()
          .satisfies(c -> assertThat(c.allowed()).isTrue())
          .satisfies(
              c ->
                  assertThat(c.query().permissions())
                      .contains(
                          urn("keyspaces/" + ks(billing) + "/keys/" + created + "#update_key")));
    }
  }

  @Test
  void declaredPermissions_readResourcePermissionLines() {
    String line = urn("keyspaces/" + ks(billing) + "#create_key");

    DeclaredPermissions declared =
        DeclaredPermissions.parse("file", List.of("# service key", line + "   # issues keys"));

    assertThat(declared.permissions().asStrings()).containsExactly(line);
    assertThatThrownBy(
            () -> DeclaredPermissions.parse("file", List.of(urn("keyspaces/x#create_keys"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file line 1")
        .hasMessageContaining("did you mean 'create_key'?")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(unkey.workspaceId()));
  }

  private String urn(String pathAndAction) {
    return "unkey:v1:" + unkey.workspaceId() + ":" + pathAndAction;
  }

  private String ks(String apiId) {
    return unkey.keyspaceId(apiId);
  }

  private String key(String apiId) {
    return unkey.unrecorded().keys().create(CreateKeyRequest.builder(apiId).build()).keyId();
  }

  private Secret rootKey(String permission) {
    return unkey.unrecorded().rootKeys().create(CreateRootKeyRequest.of(List.of(permission))).key();
  }

  private Unkey holding(String permission) {
    return unkey.as(rootKey(permission));
  }
}
