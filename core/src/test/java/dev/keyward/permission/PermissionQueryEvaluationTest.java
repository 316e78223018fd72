package dev.keyward.permission;

import static dev.keyward.permission.PermissionQuery.permission;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unkey's evaluation cases ({@code pkg/rbac/rbac_test.go}, {@code integration_test.go}), ported: a
 * parsed query against a set of granted permissions. Parsing is {@link PermissionQueryTest}'s.
 */
class PermissionQueryEvaluationTest {

  private static final Set<String> GRANTED =
      Set.of("api.api1.read_api", "api.api1.update_api", "rbac.role1.read_role");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "api.api1.read_api|true",
        "api.api2.read_api|false",
        "api.api1.read_api AND api.api1.update_api|true",
        "api.api1.read_api OR api.api2.read_api|true",
        "api.api1.read_api AND (api.api1.update_api OR rbac.role1.read_role)|true",
        "api.api2.read_api AND api.api1.read_api|false",
      })
  void evaluate_unkeyCases(String query, boolean expected) {
    assertThat(PermissionQuery.parse(query).evaluate(GRANTED)).isEqualTo(expected);
  }

  @Test
  void evaluate_asteriskMatchesOnlyItself() {
    assertThat(permission("api.*").evaluate(Set.of("api.*", "api.read", "api.write"))).isTrue();
    assertThat(permission("api.*").evaluate(Set.of("api.read", "api.write", "api.delete")))
        .isFalse();
    assertThat(PermissionQuery.parse("api.* OR api.read").evaluate(Set.of("api.read"))).isTrue();
    assertThat(permission("api.*.read_key").evaluate(Set.of("*"))).isFalse();
  }

  @Test
  void evaluate_colonNamespaces() {
    Set<String> granted = Set.of("system:admin:*", "api_v2:read", "user:basic:read");
    assertThat(
            permission("system:admin:read")
                .evaluate(Set.of("system:admin:read", "system:admin:write")))
        .isTrue();
    assertThat(
            permission("system:admin:write")
                .evaluate(Set.of("system:admin:read", "user:basic:read")))
        .isFalse();
    assertThat(
            PermissionQuery.parse("system:admin:* AND (api_v2:read OR api-v2:write)")
                .evaluate(granted))
        .isTrue();
  }

  @Test
  void evaluate_integrationCases() {
    assertThat(
            PermissionQuery.parse("documents.read")
                .evaluate(Set.of("documents.read", "documents.write")))
        .isTrue();
    assertThat(
            PermissionQuery.parse("documents.read AND (billing.admin OR reports.export)")
                .evaluate(Set.of("documents.read", "billing.admin")))
        .isTrue();
    assertThat(
            PermissionQuery.parse("documents.read AND documents.delete")
                .evaluate(Set.of("documents.read")))
        .isFalse();
    assertThat(
            PermissionQuery.parse("documents.read OR documents.write")
                .evaluate(Set.of("documents.write")))
        .isTrue();
    assertThat(
            PermissionQuery.parse("portal.session.read AND portal.session.create")
                .evaluate(Set.of("portal.session.read", "portal.session.create")))
        .isTrue();
    assertThat(
            PermissionQuery.parse("portal.session.create").evaluate(Set.of("portal.session.read")))
        .isFalse();
    assertThat(PermissionQuery.parse("perm1 OR perm2 AND perm3").evaluate(Set.of("perm1")))
        .isTrue();
    assertThat(PermissionQuery.parse("perm1 OR perm2 AND perm3").evaluate(Set.of("perm2")))
        .isFalse();
  }

  @Test
  void evaluate_isCaseSensitive() {
    assertThat(permission("Documents.Read").evaluate(Set.of("documents.read"))).isFalse();
  }
}
