package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unkey's resource permissions ({@code unkey:v1:…}) as root permissions. */
class UrnRootPermissionTest {
  private static final String KS1 = "unkey:v1:ws_1:keyspaces/ks_1";

  @ParameterizedTest
  @CsvSource({
    "unkey:v1:ws_1:keyspaces/ks_1#create_key, false, ks_1, create_key",
    "unkey:v1:ws_1:keyspaces/ks_1/keys/*#read_key, false, ks_1, read_key",
    "unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key, false, ks_1, update_key",
    "unkey:v1:ws_1:keyspaces/*/keys/*#update_key, true, *, update_key",
    "unkey:v1:ws_1:keyspaces/*#create_key, true, *, create_key",
    "unkey:v1:ws_1:keyspaces/ks_1/**#verify_key, true, ks_1, verify_key",
    "unkey:v1:ws_1:keyspaces/**#delete_key, true, *, delete_key",
    "unkey:v1:ws_1:**#decrypt_key, true, *, decrypt_key",
  })
  void parse_acceptsKeyspaceResourcePermissions(
      String text, boolean wildcard, String keyspace, String action) {
    RootPermission p = RootPermission.parse(text);

    assertThat(p.isUrn()).isTrue();
    assertThat(p.isLegacyWildcard()).isFalse();
    assertThat(p.isWildcard()).isEqualTo(wildcard);
    assertThat(p.type()).isEqualTo(ResourceType.API);
    assertThat(p.resourceId()).isEqualTo(keyspace);
    assertThat(p.action().wireName()).isEqualTo(action);
    assertThat(p.toString()).isEqualTo(text);
    assertThat(p.toQuery().isResourcePermission()).isTrue();
    assertThatThrownBy(() -> p.withResourceId("api_12345678"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void parse_everythingWithActionStar_isAWildcardWithoutASingleAction() {
    RootPermission p = RootPermission.parse("unkey:v1:ws_1:**#*");

    assertThat(p.isUrn()).isTrue();
    assertThat(p.isWildcard()).isTrue();
    assertThatThrownBy(p::action)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'*'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "unkey:v1:ws_1:keyspaces/ks_1#create_key#x | FORMAT | and one '#'",
        "unkey:v1:ws_1keyspaces/ks_1#create_key | FORMAT | unkey:v1:<workspaceId>:<path>#<action>",
        "unkey:v1::keyspaces/ks_1#create_key | RESOURCE_ID | workspace id",
        "unkey:v1:ws_1:projects/p_1#create_key | RESOURCE_TYPE | keyspaces/<keyspaceId>",
        "unkey:v1:ws_1:keyspace/ks_1#create_key | RESOURCE_TYPE | did you mean 'keyspaces'?",
        "unkey:v1:ws_1:keyspaces/ks_1/keys#read_key | RESOURCE_ID |"
            + " keyspaces/<keyspaceId>/keys/<keyId>",
        "unkey:v1:ws_1:keyspaces/**/keys/k_1#read_key | RESOURCE_ID | '**'",
        "unkey:v1:ws_1:keyspaces/ks*/keys/k_1#read_key | RESOURCE_ID | '*'",
        "unkey:v1:ws_1:keyspaces/ks_1#create_keys | ACTION | did you mean 'create_key'?",
        "unkey:v1:ws_1:keyspaces/ks_1#read_api | ACTION | expected one of",
        "unkey:v1:ws_1:keyspaces/*#* | ACTION | only with the path **",
      })
  void parse_rejectsBadResourcePermissionsNamingThePart(
      String text, InvalidPermissionException.Part part, String expected) {
    assertThatThrownBy(() -> RootPermission.parse(text))
        .isExactlyInstanceOf(InvalidPermissionException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(((InvalidPermissionException) e).part()).isEqualTo(part));
  }

  @Test
  void parse_neverEchoesTheValue() {
    String secretish = "unkey_3ZxKq8mPv7RtWbN2cYhJdE4fGs";
    for (String text :
        List.of(
            "unkey:v1:" + secretish + ":keyspaces/ks_1#create_keys",
            "unkey:v1:ws_1:keyspaces/" + secretish + "/keys#read_key",
            "unkey:v1:ws_1:" + secretish + "/x#read_key",
            "unkey:v1:ws_1:keyspaces/ks_1#" + secretish)) {
      assertThatThrownBy(() -> RootPermission.parse(text))
          .isInstanceOf(InvalidPermissionException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("3ZxKq8mPv7"))
          .satisfies(
              e ->
                  assertThat(((InvalidPermissionException) e).suggestion())
                      .isEmpty()
                      .as("a suggestion would repeat the ids"));
    }
  }

  @Test
  void permissionSet_grantsWithUnkeysWildcardRules() {
    PermissionSet one = PermissionSet.parse(KS1 + "#create_key");
    PermissionSet anyKey = PermissionSet.parse("unkey:v1:ws_1:keyspaces/*/keys/*#update_key");

    assertThat(one.allows(create("ks_1"))).isTrue();
    assertThat(one.allows(create("ks_2"))).isFalse();
    assertThat(one.allows(create(null))).as("without ids only tuples are asked").isFalse();
    assertThat(anyKey.allows(update("ks_1", "key_1"))).isTrue();
    assertThat(anyKey.allows(update("ks_2", "key_9"))).isTrue();
    assertThat(anyKey.allows(create("ks_1"))).isFalse();
    assertThat(PermissionSet.parse("unkey:v1:ws_2:**#*").allows(update("ks_1", "key_1")))
        .as("another workspace")
        .isFalse();
  }

  @Test
  void permissionSet_reportsEveryBadEntry() {
    assertThatThrownBy(
            () ->
                PermissionSet.parse(
                    KS1 + "#create_key", "unkey:v1:ws_1:x#read_key", KS1 + "#frobnicate"))
        .isInstanceOfSatisfying(
            InvalidPermissionException.class,
            e ->
                assertThat(e.problems())
                    .extracting(InvalidPermissionException::index)
                    .containsExactly(1, 2));
  }

  @Test
  void audit_countsAGrantedResourcePermissionThatCoversALegAsUsed() {
    PermissionSet granted =
        PermissionSet.parse("unkey:v1:ws_1:keyspaces/*/keys/*#update_key", "api.*.read_key");
    PermissionQuery need = update("ks_1", "key_1");

    PermissionAudit audit =
        LeastPrivilege.audit(granted, List.of(Map.entry("keys.updateKey", need)), "unused");

    assertThat(audit.sufficient()).isTrue();
    assertThat(audit.findings(PermissionAudit.Kind.UNUSED))
        .extracting(PermissionAudit.Finding::subject)
        .containsExactly("api.*.read_key");
  }

  @Test
  void narrowest_answersInTuplesEvenWhereTheResourceLegIsShorter() {
    PermissionQuery addPermissions =
        Operation.KEYS_ADD_PERMISSIONS.requirement(
            "api_1", Set.of(), ResourceIds.key("ws_1", "ks_1", "key_1"));

    assertThat(LeastPrivilege.narrowest(addPermissions))
        .containsExactly("api.api_1.update_key", "rbac.*.add_permission_to_key");
    assertThat(LeastPrivilege.narrowest(update("ks_1", "key_1")))
        .containsExactly("api.api_1.update_key");
  }

  @Test
  void derivation_dropsTheResourceLegsOfRecordedQueries() {
    Recording recording = new Recording();
    PermissionQuery evaluated =
        Operation.KEYS_UPDATE_KEY.requirement(
            "api_12345678", Set.of(), ResourceIds.key("ws_1", "ks_1", "key_1"));
    recording.record(
        Recording.Call.of("key_root", Operation.KEYS_UPDATE_KEY, "api_12345678", evaluated, true));

    DerivedPermissions derived = LeastPrivilege.from(recording);

    assertThat(recording.calls().get(0).query()).isEqualTo(evaluated);
    assertThat(derived.permissions()).containsExactly("api.api_12345678.update_key");
    assertThat(derived.toPermissionSet().asStrings())
        .containsExactly("api.api_12345678.update_key");
  }

  private static PermissionQuery create(String keyspace) {
    return Operation.KEYS_CREATE_KEY.requirement(
        "api_1",
        Set.of(),
        keyspace == null ? ResourceIds.none() : ResourceIds.keyspace("ws_1", keyspace));
  }

  private static PermissionQuery update(String keyspace, String key) {
    return Operation.KEYS_UPDATE_KEY.requirement(
        "api_1", Set.of(), ResourceIds.key("ws_1", keyspace, key));
  }
}
