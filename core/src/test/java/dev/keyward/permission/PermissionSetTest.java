package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionSetTest {

  @Test
  void parse_reportsEveryInvalidEntry() {
    InvalidPermissionException e = null;
    try {
      PermissionSet.parse(
          "api.*.read_key", "api.*.create_keys", "", "rbac.*.read_role", "apis.*.read_key");
    } catch (InvalidPermissionException thrown) {
      e = thrown;
    }
    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(3);
    assertThat(e.problems()).extracting(InvalidPermissionException::index).containsExactly(1, 2, 4);
    assertThat(e.problems())
        .extracting(InvalidPermissionException::part)
        .containsExactly(
            InvalidPermissionException.Part.ACTION,
            InvalidPermissionException.Part.FORMAT,
            InvalidPermissionException.Part.RESOURCE_TYPE);
    assertThat(e.getMessage())
        .contains("3 invalid permissions")
        .contains("permissions[1]")
        .contains("permissions[2]")
        .contains("permissions[4]")
        .doesNotContain("permissions[0]");
    assertThat(e.getSuppressed()).hasSize(3);
  }

  @Test
  void parse_singleProblemIsReportedWithItsIndex() {
    assertThatThrownBy(() -> PermissionSet.parse(List.of("api.*.read_key", "nope")))
        .isExactlyInstanceOf(InvalidPermissionException.class)
        .hasMessageStartingWith("permissions[1]: ");
  }

  @Test
  void parse_rejectsNullEntries() {
    assertThatThrownBy(() -> PermissionSet.parse(Arrays.asList("api.*.read_key", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("permissions[1]");
  }

  @Test
  void isImmutableSortedAndDeduplicated() {
    PermissionSet set = PermissionSet.parse("rbac.*.read_role", "api.*.read_key", "api.*.read_key");
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.asStrings()).containsExactly("api.*.read_key", "rbac.*.read_role");
    assertThatThrownBy(() -> set.asStrings().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.permissions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(set).hasToString("[api.*.read_key, rbac.*.read_role]");
    assertThat(set).isEqualTo(PermissionSet.parse("api.*.read_key", "rbac.*.read_role"));
  }

  @Test
  void allowsEvaluatesExactly() {
    PermissionSet set = PermissionSet.parse("api.*.update_key", "rbac.*.add_permission_to_key");
    assertThat(set.allows(Operation.KEYS_ADD_PERMISSIONS.requirement("api_12345678"))).isTrue();
    assertThat(set.allows(Operation.KEYS_SET_PERMISSIONS.requirement("api_12345678"))).isFalse();
    assertThat(PermissionSet.parse("*").allows(Operation.KEYS_GET_KEY.requirement(null))).isFalse();
  }

  @Test
  void setAlgebra() {
    PermissionSet a = PermissionSet.parse("api.*.read_key");
    PermissionSet b = PermissionSet.parse("api.*.verify_key");
    assertThat(a.union(b).asStrings()).containsExactly("api.*.read_key", "api.*.verify_key");
    assertThat(a.union(b).minus(a)).isEqualTo(b);
    assertThat(PermissionSet.empty().isEmpty()).isTrue();
    assertThat(a.contains("api.*.read_key")).isTrue();
    assertThat(a.contains(RootPermission.parse("api.*.verify_key"))).isFalse();
  }
}
