package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RootPermissionTest {

  private static InvalidPermissionException invalid(String permission) {
    try {
      RootPermission.parse(permission);
    } catch (InvalidPermissionException e) {
      return e;
    }
    throw new AssertionError("expected InvalidPermissionException");
  }

  @Test
  void parse_typedParts() {
    RootPermission p = RootPermission.parse("api.*.create_key");
    assertThat(p.type()).isEqualTo(ResourceType.API);
    assertThat(p.resourceId()).isEqualTo("*");
    assertThat(p.action()).isEqualTo(Action.CREATE_KEY);
    assertThat(p.isWildcard()).isTrue();
    assertThat(p).hasToString("api.*.create_key");
    assertThat(p).isEqualTo(RootPermission.wildcard(ResourceType.API, Action.CREATE_KEY));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api.api_1234abcd.verify_key",
        "api.*.read_analytics",
        "ratelimit.rlns_1234abcd.limit",
        "ratelimit.*.read_analytics",
        "rbac.*.add_permission_to_key",
        "rbac.rbac_12345678.read_role",
        "identity.*.create_identity",
        "identity.anything-goes_here.read_identity",
        "identity..read_identity",
        "project.proj_12345678.read_runtime_logs",
        "project.*.create_app",
        "app.app_abcdefgh.connect_repository",
        "environment.env_12345678.verify_domain",
        "environment.*.create_deployment",
        "project.*.create_deployment",
        "workspace.ws_12345678.install_github",
        "portal.pc_12345678.create_portal_session",
        "keyward.*.manage_root_keys",
        "api.api_12345678901234567890123456789012.read_api",
      })
  void parse_acceptsWhatTheDashboardAccepts(String permission) {
    assertThat(RootPermission.parse(permission)).hasToString(permission);
  }

  @Test
  void parse_coversTheWholeCatalogue() {
    int count = 0;
    for (ResourceType type : ResourceType.values()) {
      for (Action action : type.actions()) {
        assertThat(RootPermission.parse(type.wireName() + ".*." + action.wireName()).action())
            .isEqualTo(action);
        count++;
      }
    }
    assertThat(count).isEqualTo(12 + 9 + 14 + 4 + 10 + 4 + 18 + 1 + 5 + 1);
    for (Action action : Action.values()) {
      assertThat(Action.fromWireName(action.wireName())).contains(action);
    }
  }

  @Test
  void parse_legacyBareWildcard() {
    RootPermission p = RootPermission.parse("*");
    assertThat(p).isSameAs(RootPermission.LEGACY_WILDCARD);
    assertThat(p.isLegacyWildcard()).isTrue();
    assertThat(p.isWildcard()).isFalse();
    assertThatThrownBy(p::type).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(p::action).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void parse_unknownActionSuggestsTheNearest() {
    InvalidPermissionException e = invalid("api.*.create_keys");
    assertThat(e.part()).isEqualTo(InvalidPermissionException.Part.ACTION);
    assertThat(e.suggestion()).contains("api.*.create_key");
    assertThat(e.getMessage())
        .contains("'create_keys'")
        .contains("did you mean 'api.*.create_key'?");
    assertThat(invalid("ratelimit.*.limits").suggestion()).contains("ratelimit.*.limit");
    assertThat(invalid("rbac.*.read_roles").suggestion()).contains("rbac.*.read_role");
  }

  @Test
  void parse_actionOfAnotherTypeSaysWhere() {
    InvalidPermissionException e = invalid("api.*.create_identity");
    assertThat(e.part()).isEqualTo(InvalidPermissionException.Part.ACTION);
    assertThat(e.getMessage()).contains("belongs to resource type 'identity'");
    assertThat(invalid("api.*.list_overrides").part())
        .isEqualTo(InvalidPermissionException.Part.ACTION);
  }

  @Test
  void parse_unknownTypeSuggestsTheNearest() {
    InvalidPermissionException e = invalid("apis.*.create_key");
    assertThat(e.part()).isEqualTo(InvalidPermissionException.Part.RESOURCE_TYPE);
    assertThat(e.suggestion()).contains("api.*.create_key");
    assertThat(invalid("deploy.*.create_key").suggestion()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "api.api_1.create_key",
        "api.rlns_12345678.create_key",
        "api.api_1234567$.create_key",
        "ratelimit.rl_12345678.limit",
        "keyward.kw_12345678.manage_root_keys",
        "project.proj_123.read_project",
        "api.api_123456789012345678901234567890123.read_api",
      })
  void parse_idMustFitTheType(String permission) {
    InvalidPermissionException e = invalid(permission);
    assertThat(e.part()).isEqualTo(InvalidPermissionException.Part.RESOURCE_ID);
    assertThat(e.getMessage()).contains("expected '*'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "api",
        "api.*",
        "api.*.create_key.extra",
        "api..",
        ".",
        "**",
        "api.*.create_key ",
        " api.*.create_key",
        "api.* .create_key",
        "api.*.create\tkey",
        "api.*.create_key\n",
        "api.*.create\u0000key",
        "unkey:v1:ws_1:keyspaces/*#*",
      })
  void parse_rejectsMalformedInput(String permission) {
    assertThatThrownBy(() -> RootPermission.parse(permission))
        .isExactlyInstanceOf(InvalidPermissionException.class);
  }

  @Test
  void parse_rejectsOverlongInputWithoutQuotingIt() {
    String id = "x".repeat(600);
    InvalidPermissionException e = invalid("identity." + id + ".read_identity");
    assertThat(e.part()).isEqualTo(InvalidPermissionException.Part.FORMAT);
    assertThat(e.getMessage()).contains("512").doesNotContain(id);
  }

  @Test
  void parse_neverQuotesAKey() {
    String key = "unkey_3ZxKq8mPv7RtWbN2cYhJdE4fGs";
    assertThat(invalid(key).getMessage()).doesNotContain(key).doesNotContain("3ZxK");
    assertThat(invalid("api." + key + ".read_key").getMessage()).doesNotContain("3ZxKq8mPv7");
    assertThat(invalid("identity." + key + ".read_identiti").getMessage())
        .doesNotContain("3ZxKq8mPv7");
  }

  @Test
  void of_validates() {
    assertThat(RootPermission.of(ResourceType.API, "api_12345678", Action.VERIFY_KEY))
        .hasToString("api.api_12345678.verify_key");
    assertThatThrownBy(() -> RootPermission.of(ResourceType.API, "*", Action.LIMIT))
        .isInstanceOf(InvalidPermissionException.class);
    assertThatThrownBy(() -> RootPermission.of(ResourceType.API, "nope", Action.READ_KEY))
        .isInstanceOf(InvalidPermissionException.class);
    assertThat(RootPermission.parse("api.*.read_key").withResourceId("api_12345678"))
        .hasToString("api.api_12345678.read_key");
  }

  @Test
  void keywardExtension() {
    RootPermission p = RootPermission.parse("keyward.*.manage_root_keys");
    assertThat(p.isKeywardExtension()).isTrue();
    assertThat(p.toQuery()).isEqualTo(PermissionQuery.permission("keyward.*.manage_root_keys"));
    assertThat(RootPermission.parse("api.*.read_key").isKeywardExtension()).isFalse();
  }

  @Test
  void exceptionIsAnIllegalArgumentException() {
    assertThat(invalid("nope")).isInstanceOf(IllegalArgumentException.class);
  }
}
