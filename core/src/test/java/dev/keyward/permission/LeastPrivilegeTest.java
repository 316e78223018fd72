package dev.keyward.permission;

import static dev.keyward.permission.LeastPrivilege.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeastPrivilegeTest {
  private static final String API = "api_1234abcd";
  private static final String OTHER = "api_5678efgh";

  @Test
  void minimalFor_prefersTheIdScopedPermission() {
    assertThat(LeastPrivilege.minimalFor(use(Operation.KEYS_ADD_PERMISSIONS, API)).asStrings())
        .containsExactly("api." + API + ".update_key", "rbac.*.add_permission_to_key");
    assertThat(LeastPrivilege.minimalFor(use(Operation.KEYS_GET_KEY, null)).asStrings())
        .containsExactly("api.*.read_key");
  }

  @Test
  void minimalFor_unionOfUsesWithConditions() {
    PermissionSet set =
        LeastPrivilege.minimalFor(
            use(Operation.KEYS_CREATE_KEY, API, Operation.Condition.RECOVERABLE),
            use(Operation.KEYS_VERIFY_KEY, OTHER));
    assertThat(set.asStrings())
        .containsExactlyInAnyOrder(
            "api." + API + ".create_key",
            "api." + API + ".encrypt_key",
            "api." + OTHER + ".verify_key");
    assertThat(
            set.allows(
                Operation.KEYS_CREATE_KEY.requirement(
                    API, java.util.Set.of(Operation.Condition.RECOVERABLE))))
        .isTrue();
  }

  @Test
  void minimalFor_rejectsIdsUnkeyWouldNotAccept() {
    assertThatThrownBy(() -> LeastPrivilege.minimalFor(use(Operation.KEYS_GET_KEY, "api_1")))
        .isInstanceOf(InvalidPermissionException.class);
  }

  @Test
  void templates() {
    assertThat(LeastPrivilege.verifier(API).permissions().asStrings())
        .containsExactly("api." + API + ".verify_key");
    assertThat(LeastPrivilege.billingService(API).permissions().asStrings())
        .containsExactly("api." + API + ".update_key");
    assertThat(LeastPrivilege.keyIssuer(API).permissions().asStrings())
        .containsExactlyInAnyOrder(
            "api." + API + ".create_key", "api." + API + ".read_key", "api." + API + ".delete_key");
    PermissionSet admin = LeastPrivilege.adminDashboard(API).permissions();
    assertThat(admin.asStrings())
        .contains(
            "api." + API + ".read_analytics",
            "rbac.*.read_role",
            "identity.*.read_identity",
            "api." + API + ".read_api");
    for (LeastPrivilege.Use u : LeastPrivilege.adminDashboard(API).uses()) {
      assertThat(admin.allows(u.requirement())).as(u.operation().wireName()).isTrue();
    }
    assertThatThrownBy(() -> LeastPrivilege.verifier("not an id"))
        .isInstanceOf(InvalidPermissionException.class);
  }

  @Test
  void audit_cleanWhenExactlyMinimal() {
    List<LeastPrivilege.Use> uses = LeastPrivilege.keyIssuer(API).uses();
    PermissionAudit audit = LeastPrivilege.audit(LeastPrivilege.minimalFor(uses), uses);
    assertThat(audit.findings()).isEmpty();
    assertThat(audit.clean()).isTrue();
  }

  @Test
  void audit_reportsMissing() {
    PermissionAudit audit =
        LeastPrivilege.audit(
            PermissionSet.parse("api.*.read_key"), List.of(use(Operation.KEYS_ADD_ROLES, API)));
    assertThat(audit.sufficient()).isFalse();
    PermissionAudit.Finding missing = audit.findings(PermissionAudit.Kind.MISSING).get(0);
    assertThat(missing.subject())
        .isEqualTo("(api.*.update_key OR api." + API + ".update_key) AND rbac.*.add_role_to_key");
    assertThat(missing.message())
        .contains("grant api." + API + ".update_key, rbac.*.add_role_to_key");
    assertThat(audit.findings(PermissionAudit.Kind.UNUSED))
        .extracting(PermissionAudit.Finding::subject)
        .containsExactly("api.*.read_key");
  }

  @Test
  void audit_flagsWildcardWhenOneIdWouldDo() {
    PermissionAudit audit =
        LeastPrivilege.audit(
            PermissionSet.parse("api.*.verify_key"), LeastPrivilege.verifier(API).uses());
    assertThat(audit.sufficient()).isTrue();
    assertThat(audit.findings())
        .extracting(PermissionAudit.Finding::kind)
        .containsExactly(PermissionAudit.Kind.WILDCARD_NARROWABLE);
    assertThat(audit.findings().get(0).message())
        .contains("grant api." + API + ".verify_key instead");
  }

  @Test
  void audit_keepsWildcardThatServesSeveralIdsOrAllOfThem() {
    PermissionSet granted = PermissionSet.parse("api.*.verify_key");
    assertThat(
            LeastPrivilege.audit(
                    granted,
                    List.of(
                        use(Operation.KEYS_VERIFY_KEY, API), use(Operation.KEYS_VERIFY_KEY, OTHER)))
                .clean())
        .isTrue();
    assertThat(LeastPrivilege.audit(granted, List.of(use(Operation.KEYS_VERIFY_KEY, null))).clean())
        .isTrue();
    assertThat(
            LeastPrivilege.audit(
                    PermissionSet.parse("rbac.*.read_role"),
                    List.of(use(Operation.PERMISSIONS_GET_ROLE, null)))
                .clean())
        .isTrue();
  }

  @Test
  void audit_flagsLegacyWildcardAsGrantingNothing() {
    PermissionAudit audit =
        LeastPrivilege.audit(PermissionSet.parse("*"), LeastPrivilege.verifier(API).uses());
    assertThat(audit.findings())
        .extracting(PermissionAudit.Finding::kind)
        .containsExactly(PermissionAudit.Kind.MISSING, PermissionAudit.Kind.LEGACY_WILDCARD);
    assertThat(audit.findings(PermissionAudit.Kind.LEGACY_WILDCARD).get(0).message())
        .contains("grants nothing");
  }

  @Test
  void audit_preferIdScopedGrantAndFlagTheRedundantWildcard() {
    PermissionSet granted = PermissionSet.parse("api.*.verify_key", "api." + API + ".verify_key");
    PermissionAudit audit = LeastPrivilege.audit(granted, LeastPrivilege.verifier(API).uses());
    assertThat(audit.findings())
        .extracting(PermissionAudit.Finding::kind, PermissionAudit.Finding::subject)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PermissionAudit.Kind.UNUSED, "api.*.verify_key"));
  }

  @Test
  void use_rejectsLiveness() {
    assertThatThrownBy(() -> use(Operation.LIVENESS, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
