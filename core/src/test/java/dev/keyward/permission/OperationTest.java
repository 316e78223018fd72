package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationTest {

  @Test
  void addPermissionsNeedsMoreThanTheSpecProseSays() {
    assertThat(Operation.KEYS_ADD_PERMISSIONS.requirement("api_1"))
        .hasToString("(api.*.update_key OR api.api_1.update_key) AND rbac.*.add_permission_to_key");
    assertThat(Operation.KEYS_ADD_PERMISSIONS.requirement(null))
        .hasToString("api.*.update_key AND rbac.*.add_permission_to_key");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "keys.createKey|api.a1.create_key OR api.*.create_key",
        "keys.verifyKey|api.*.verify_key OR api.a1.verify_key",
        "keys.getKey|api.*.read_key OR api.a1.read_key",
        "keys.whoami|api.*.read_key OR api.a1.read_key",
        "keys.deleteKey|api.*.delete_key OR api.a1.delete_key",
        "keys.updateKey|api.*.update_key OR api.a1.update_key",
        "keys.updateCredits|api.*.update_key OR api.a1.update_key",
        "keys.rerollKey|api.a1.create_key OR api.*.create_key",
        "keys.migrateKeys|api.*.create_key OR api.a1.create_key",
        "keys.removePermissions|(api.*.update_key OR api.a1.update_key) AND"
            + " rbac.*.remove_permission_from_key",
        "keys.setPermissions|(api.*.update_key OR api.a1.update_key) AND"
            + " rbac.*.add_permission_to_key AND rbac.*.remove_permission_from_key",
        "keys.addRoles|(api.*.update_key OR api.a1.update_key) AND rbac.*.add_role_to_key",
        "keys.removeRoles|api.*.update_key OR api.a1.update_key",
        "keys.setRoles|api.*.update_key OR api.a1.update_key",
        "apis.createApi|api.*.create_api",
        "apis.getApi|api.*.read_api OR api.a1.read_api",
        "apis.deleteApi|api.*.delete_api OR api.a1.delete_api",
        "apis.listKeys|(api.*.read_key OR api.a1.read_key) AND (api.*.read_api OR api.a1.read_api)",
        "permissions.createPermission|rbac.*.create_permission",
        "permissions.getPermission|rbac.*.read_permission",
        "permissions.listPermissions|rbac.*.read_permission",
        "permissions.deletePermission|rbac.*.delete_permission",
        "permissions.createRole|rbac.*.create_role",
        "permissions.getRole|rbac.*.read_role",
        "permissions.listRoles|rbac.*.read_role",
        "permissions.deleteRole|rbac.*.delete_role",
        "permissions.setRolePermissions|rbac.*.add_permission_to_role AND"
            + " rbac.*.remove_permission_from_role",
        "identities.createIdentity|identity.*.create_identity",
        "identities.getIdentity|identity.*.read_identity OR identity.a1.read_identity",
        "identities.listIdentities|identity.*.read_identity",
        "identities.updateIdentity|identity.*.update_identity OR identity.a1.update_identity",
        "identities.deleteIdentity|identity.*.delete_identity OR identity.a1.delete_identity",
        "ratelimit.limit|ratelimit.*.limit OR ratelimit.a1.limit",
        "ratelimit.multiLimit|ratelimit.*.limit OR ratelimit.a1.limit",
        "ratelimit.setOverride|ratelimit.*.set_override OR ratelimit.a1.set_override",
        "ratelimit.getOverride|ratelimit.*.read_override OR ratelimit.a1.read_override",
        "ratelimit.listOverrides|ratelimit.*.read_override OR ratelimit.a1.read_override",
        "ratelimit.deleteOverride|ratelimit.*.delete_override OR ratelimit.a1.delete_override",
        "analytics.getVerifications|api.*.read_analytics OR api.a1.read_analytics",
        "rootKeys.createRootKey|keyward.*.manage_root_keys",
        "rootKeys.getRootKey|keyward.*.manage_root_keys",
        "rootKeys.listRootKeys|keyward.*.manage_root_keys",
        "rootKeys.updateRootKey|keyward.*.manage_root_keys",
        "rootKeys.rerollRootKey|keyward.*.manage_root_keys",
        "rootKeys.deleteRootKey|keyward.*.manage_root_keys",
      })
  void requirementMatchesUnkeysHandlers(String wireName, String expected) {
    assertThat(Operation.fromWireName(wireName).requirement("a1")).hasToString(expected);
  }

  @Test
  void everyRequirementUsesOnlyCataloguedPermissions() {
    for (Operation op : Operation.values()) {
      if (!op.requiresPermission()) {
        continue;
      }
      for (String permission :
          op.requirement(null, EnumSet.allOf(Operation.Condition.class)).permissions()) {
        assertThat(RootPermission.parse(permission).isWildcard()).as(permission).isTrue();
      }
      for (String permission : op.requirement("api_12345678").permissions()) {
        assertThat(permission).startsWith(permission.substring(0, permission.indexOf('.')));
      }
    }
  }

  @Test
  void conditionsAddTheHandlersConditionalChecks() {
    assertThat(Operation.KEYS_CREATE_KEY.requirement("a1", Set.of(Operation.Condition.RECOVERABLE)))
        .hasToString(
            "(api.a1.create_key OR api.*.create_key) AND (api.*.encrypt_key OR"
                + " api.a1.encrypt_key)");
    assertThat(Operation.KEYS_REROLL_KEY.requirement("a1", Set.of(Operation.Condition.RECOVERABLE)))
        .hasToString(
            "(api.a1.create_key OR api.*.create_key) AND (api.a1.encrypt_key OR"
                + " api.*.encrypt_key)");
    // whoami has no decrypt check
    assertThat(Operation.KEYS_WHOAMI.requirement(null, Set.of(Operation.Condition.DECRYPT)))
        .hasToString("api.*.read_key");
    assertThat(Operation.KEYS_REROLL_KEY.requirement(null, Set.of(Operation.Condition.RECOVERABLE)))
        .hasToString("api.*.create_key AND api.*.encrypt_key");
    assertThat(Operation.KEYS_GET_KEY.requirement(null, Set.of(Operation.Condition.DECRYPT)))
        .hasToString("api.*.read_key AND api.*.decrypt_key");
    assertThat(Operation.APIS_LIST_KEYS.requirement(null, Set.of(Operation.Condition.DECRYPT)))
        .hasToString("api.*.read_key AND api.*.read_api AND api.*.decrypt_key");
    assertThat(
            Operation.KEYS_ADD_PERMISSIONS.requirement(
                null, Set.of(Operation.Condition.NEW_PERMISSION_SLUG)))
        .hasToString(
            "api.*.update_key AND rbac.*.add_permission_to_key AND rbac.*.create_permission");
    assertThat(
            Operation.RATELIMIT_LIMIT.requirement("ns1", Set.of(Operation.Condition.NEW_NAMESPACE)))
        .hasToString("ratelimit.*.create_namespace AND (ratelimit.*.limit OR ratelimit.ns1.limit)");
    assertThat(
            Operation.PERMISSIONS_CREATE_ROLE.requirement(
                null,
                Set.of(
                    Operation.Condition.ROLE_PERMISSIONS, Operation.Condition.NEW_PERMISSION_SLUG)))
        .hasToString(
            "rbac.*.create_role AND rbac.*.add_permission_to_role AND rbac.*.create_permission");
    assertThat(
            Operation.PERMISSIONS_SET_ROLE_PERMISSIONS.requirement(
                null, Set.of(Operation.Condition.NEW_PERMISSION_SLUG)))
        .hasToString(
            "rbac.*.add_permission_to_role AND rbac.*.remove_permission_from_role AND"
                + " rbac.*.create_permission");
    // conditions that do not apply are ignored
    assertThat(
            Operation.KEYS_VERIFY_KEY.requirement(null, EnumSet.allOf(Operation.Condition.class)))
        .hasToString("api.*.verify_key");
  }

  @Test
  void requirementParsesBackAndEvaluates() {
    for (Operation op : Operation.values()) {
      if (op.requiresPermission()) {
        PermissionQuery q =
            op.requirement("api_12345678", EnumSet.allOf(Operation.Condition.class));
        assertThat(PermissionQuery.parse(q.toString())).isEqualTo(q);
        assertThat(q.evaluate(q.permissions())).isTrue();
        assertThat(q.evaluate(Set.of())).isFalse();
      }
    }
  }

  @Test
  void livenessRequiresNothing() {
    assertThat(Operation.LIVENESS.requiresPermission()).isFalse();
    assertThatThrownBy(() -> Operation.LIVENESS.requirement(null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resourceIdMustFitAPermission() {
    assertThatThrownBy(() -> Operation.KEYS_GET_KEY.requirement("api.1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Operation.KEYS_GET_KEY.requirement("a b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Operation.KEYS_GET_KEY.requirement(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Operation.KEYS_GET_KEY.requirement("*")).hasToString("api.*.read_key");
  }

  @Test
  void wireNamesRoundTrip() {
    for (Operation op : Operation.values()) {
      assertThat(Operation.fromWireName(op.wireName())).isSameAs(op);
    }
    assertThatThrownBy(() -> Operation.fromWireName("keys.nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
