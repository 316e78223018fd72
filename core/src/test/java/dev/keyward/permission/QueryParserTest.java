package dev.keyward.permission;

import static dev.keyward.permission.PermissionQuery.and;
import static dev.keyward.permission.PermissionQuery.or;
import static dev.keyward.permission.PermissionQuery.permission;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the parser builds the tree: operands of the same operator are flattened exactly as the public
 * combinators flatten them, however many there are and however deep they nest.
 */
class QueryParserTest {

  @Test
  void parse_flattensParenthesizedOperandsOfTheSameOperator() {
    PermissionQuery query = PermissionQuery.parse("a AND (b AND c) AND ((d AND e))");

    assertThat(query.kind()).isEqualTo(PermissionQuery.Kind.AND);
    assertThat(query.children())
        .extracting(PermissionQuery::permission)
        .containsExactly("a", "b", "c", "d", "e");
    assertThat(PermissionQuery.parse("(a OR b) OR (c OR d)").children()).hasSize(4);
  }

  @Test
  void parse_keepsOperandsOfTheOtherOperatorWhole() {
    PermissionQuery query = PermissionQuery.parse("a OR (b OR c) AND d OR (e AND f)");

    assertThat(query)
        .isEqualTo(
            or(
                permission("a"),
                and(or(permission("b"), permission("c")), permission("d")),
                and(permission("e"), permission("f"))));
    assertThat(query.children()).hasSize(3);
  }

  @Test
  void parse_manyOperandsAndDeepNestingMatchTheCombinators() {
    StringBuilder text = new StringBuilder();
    List<PermissionQuery> groups = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      if (i > 0) {
        text.append(" OR ");
      }
      text.append("(p" + i + " AND (q" + i + " OR r" + i + "))");
      groups.add(and(permission("p" + i), or(permission("q" + i), permission("r" + i))));
    }
    String nested = "(".repeat(60) + "x" + ")".repeat(60);

    PermissionQuery query = PermissionQuery.parse(text + " OR " + nested);

    groups.add(permission("x"));
    assertThat(query).isEqualTo(or(groups));
    assertThat(query.children()).hasSize(26);
    assertThat(query.toString()).isEqualTo(or(groups).toString());
  }

  @Test
  void equalQueriesHaveEqualHashCodes() {
    PermissionQuery parsed = PermissionQuery.parse("(a OR b) AND c AND (d OR e)");
    PermissionQuery built =
        and(
            or(permission("a"), permission("b")),
            permission("c"),
            or(permission("d"), permission("e")));

    assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(parsed).isNotEqualTo(PermissionQuery.parse("(a OR b) AND c AND (d OR f)"));
  }

  @Test
  void hashCodesAreTheSameInEveryJvm() {
    // Built from the operator's ordinal, not the enum's identity hash: a set of queries iterates
    // in the same order on every run.
    assertThat(
            PermissionQuery.parse(
                    "api.*.read_key AND (rbac.*.read_role OR identity.*.read_identity)")
                .hashCode())
        .isEqualTo(-350042651);
  }
}
