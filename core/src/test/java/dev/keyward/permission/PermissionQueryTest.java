package dev.keyward.permission;

import static dev.keyward.permission.PermissionQuery.and;
import static dev.keyward.permission.PermissionQuery.or;
import static dev.keyward.permission.PermissionQuery.permission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unkey's own cases for its Go parser ({@code pkg/rbac/parse_test.go}, {@code lexer_test.go}),
 * ported, plus keyward's rules for bad input and the canonical form. Evaluation is {@link
 * PermissionQueryEvaluationTest}'s.
 */
class PermissionQueryTest {

  private static PermissionQuerySyntaxException syntaxError(String query) {
    try {
      PermissionQuery.parse(query);
    } catch (PermissionQuerySyntaxException e) {
      return e;
    }
    throw new AssertionError("expected a syntax error");
  }

  // --- parse_test.go: TestParseQuery

  @Test
  void parse_simplePermission() {
    assertThat(PermissionQuery.parse("documents.read")).isEqualTo(permission("documents.read"));
  }

  @Test
  void parse_simpleAnd() {
    assertThat(PermissionQuery.parse("perm1 AND perm2"))
        .isEqualTo(and(permission("perm1"), permission("perm2")));
  }

  @Test
  void parse_simpleOr() {
    assertThat(PermissionQuery.parse("perm1 OR perm2"))
        .isEqualTo(or(permission("perm1"), permission("perm2")));
  }

  @Test
  void parse_andBindsTighterThanOr() {
    assertThat(PermissionQuery.parse("perm1 OR perm2 AND perm3"))
        .isEqualTo(or(permission("perm1"), and(permission("perm2"), permission("perm3"))));
  }

  @Test
  void parse_parenthesesOverridePrecedence() {
    assertThat(PermissionQuery.parse("(perm1 OR perm2) AND perm3"))
        .isEqualTo(and(or(permission("perm1"), permission("perm2")), permission("perm3")));
  }

  @Test
  void parse_asteriskIsLiteral() {
    assertThat(PermissionQuery.parse("api.*")).isEqualTo(permission("api.*"));
    assertThat(PermissionQuery.parse("api.* OR api.read"))
        .isEqualTo(or(permission("api.*"), permission("api.read")));
    assertThat(PermissionQuery.parse("documents.*.read")).isEqualTo(permission("documents.*.read"));
  }

  @Test
  void parse_colonsSlashesHyphensUnderscores() {
    assertThat(PermissionQuery.parse("system:admin:read"))
        .isEqualTo(permission("system:admin:read"));
    assertThat(PermissionQuery.parse("system:admin.* AND api_v2-test:*"))
        .isEqualTo(and(permission("system:admin.*"), permission("api_v2-test:*")));
    assertThat(PermissionQuery.parse("api/v1.read_key")).isEqualTo(permission("api/v1.read_key"));
    assertThat(PermissionQuery.parse("/api/v1/xxx")).isEqualTo(permission("/api/v1/xxx"));
    assertThat(PermissionQuery.parse("api123.key_456-test.read_key").permission())
        .isEqualTo("api123.key_456-test.read_key");
    assertThat(PermissionQuery.parse("namespace.ns_1.create_override").permission())
        .isEqualTo("namespace.ns_1.create_override");
  }

  // --- parse_test.go: TestParseQuery_Errors

  @Test
  void parse_emptyQuery() {
    PermissionQuerySyntaxException e = syntaxError("");
    assertThat(e.getMessage()).contains("query contains no tokens besides EOF");
    assertThat(e.position()).isZero();
  }

  @Test
  void parse_invalidCharacter() {
    PermissionQuerySyntaxException e = syntaxError("perm1 @ perm2");
    assertThat(e.getMessage()).contains("invalid character '@' at position 6");
    assertThat(e.position()).isEqualTo(6);
  }

  @Test
  void parse_missingOperand() {
    PermissionQuerySyntaxException e = syntaxError("perm1 AND");
    assertThat(e.getMessage())
        .contains("reached end of input while expecting a permission or opening parenthesis");
    assertThat(e.position()).isEqualTo(9);
  }

  @Test
  void parse_unbalancedParenthesis() {
    PermissionQuerySyntaxException e = syntaxError("(perm1 AND perm2");
    assertThat(e.getMessage()).contains("missing closing parenthesis");
    assertThat(e.position()).isEqualTo(16);
    assertThat(e.expected()).isEqualTo("')'");
  }

  // --- lexer_test.go: errors with positions

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "perm1 @ perm2|@|6",
        "api.key1.read@key|@|13",
        "api.key1$ AND perm2|$|8",
        "perm1 # perm2|#|6",
        "perm1 % perm2|%|6",
      })
  void parse_invalidCharacterPositions(String query, char c, int position) {
    PermissionQuerySyntaxException e = syntaxError(query);
    assertThat(e.getMessage()).contains("invalid character '" + c + "' at position " + position);
    assertThat(e.position()).isEqualTo(position);
  }

  // --- lexer_test.go: keywords, whitespace, edge cases

  @Test
  void parse_keywordsAreCaseInsensitive() {
    assertThat(PermissionQuery.parse("perm1 and perm2"))
        .isEqualTo(and(permission("perm1"), permission("perm2")));
    assertThat(PermissionQuery.parse("perm1 or perm2"))
        .isEqualTo(or(permission("perm1"), permission("perm2")));
    assertThat(PermissionQuery.parse("perm1 And perm2 Or perm3"))
        .isEqualTo(or(and(permission("perm1"), permission("perm2")), permission("perm3")));
  }

  @Test
  void parse_keywordLikeNamesArePermissions() {
    assertThat(PermissionQuery.parse("ANDROID")).isEqualTo(permission("ANDROID"));
    assertThat(PermissionQuery.parse("ORACLE.read AND ANDROID.write"))
        .isEqualTo(and(permission("ORACLE.read"), permission("ANDROID.write")));
    assertThat(PermissionQuery.parse("and.or OR or.and"))
        .isEqualTo(or(permission("and.or"), permission("or.and")));
    // "ANDperm ORperm" lexes as two permissions, which is not a valid expression
    PermissionQuerySyntaxException e = syntaxError("ANDperm ORperm");
    assertThat(e.position()).isEqualTo(8);
    assertThat(e.getMessage()).contains("'ORperm'").contains("after parsing completed");
  }

  @Test
  void parse_whitespaceOfEveryKindSeparatesTokens() {
    PermissionQuery expected = and(permission("perm1"), permission("perm2"));
    assertThat(PermissionQuery.parse("  perm1   AND   perm2  ")).isEqualTo(expected);
    assertThat(PermissionQuery.parse("perm1\tAND\tperm2")).isEqualTo(expected);
    assertThat(PermissionQuery.parse("perm1\nAND\nperm2")).isEqualTo(expected);
    assertThat(PermissionQuery.parse("perm1\rAND\rperm2")).isEqualTo(expected);
    assertThat(PermissionQuery.parse("perm1 \t\n AND \r\n perm2")).isEqualTo(expected);
  }

  @Test
  void parse_onlyWhitespaceIsEmpty() {
    PermissionQuerySyntaxException e = syntaxError("   \t\n  ");
    assertThat(e.position()).isEqualTo(7);
  }

  @Test
  void parse_singleCharacterAndNestedParentheses() {
    assertThat(PermissionQuery.parse("a")).isEqualTo(permission("a"));
    assertThat(PermissionQuery.parse("((perm1))")).isEqualTo(permission("perm1"));
    assertThat(PermissionQuery.parse("((a OR (b AND (c OR d))))"))
        .isEqualTo(or(permission("a"), and(permission("b"), or(permission("c"), permission("d")))));
  }

  @Test
  void parse_adjacentParenthesisAfterPermissionIsRejected() {
    PermissionQuerySyntaxException e = syntaxError("perm1(perm2)");
    assertThat(e.position()).isEqualTo(5);
    assertThat(e.getMessage())
        .contains("unexpected token '(' at position 5 after parsing completed");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "()|1|empty parentheses at position 1",
        ")|0|unexpected token ')' at position 0",
        "a AND AND b|6|unexpected token 'AND' at position 6",
        "OR a|0|unexpected token 'OR' at position 0",
        "a OR|4|reached end of input",
        "(a OR b))|8|unexpected token ')' at position 8 after parsing completed",
        "((a)|4|missing closing parenthesis at position 4",
        "(a b)|3|missing closing parenthesis at position 3, found 'b'",
        "a AND ) @|6|unexpected token ')' at position 6",
        "(a @|3|invalid character '@' at position 3",
      })
  void parse_syntaxErrorsNamePositionAndToken(String query, int position, String message) {
    PermissionQuerySyntaxException e = syntaxError(query);
    assertThat(e.position()).isEqualTo(position);
    assertThat(e.getMessage()).contains(message);
  }

  // --- keyward's rules for bad input

  @Test
  void parse_rejectsOverlongQuery() {
    String ok = "a".repeat(1000);
    assertThat(PermissionQuery.parse(ok).permission()).hasSize(1000);
    PermissionQuerySyntaxException e = syntaxError("a".repeat(1001));
    assertThat(e.position()).isEqualTo(1000);
    assertThat(e.getMessage()).contains("1000").doesNotContain("aaaa");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "perm\u0000x",
        "perm\u0007",
        "a\u000bb",
        "perm\u007f",
        "caf\u00e9",
        "\u00aa",
        "a\u2028b"
      })
  void parse_rejectsControlAndNonAsciiCharacters(String query) {
    PermissionQuerySyntaxException e = syntaxError(query);
    assertThat(e.getMessage()).contains("invalid character U+");
  }

  @Test
  void parse_messageQuotesOnlyTheOffendingToken() {
    String key = "sk_live_" + "3ZxKq8mPv7RtWbN2cYhJdE4fGs";
    PermissionQuerySyntaxException e = syntaxError("documents.read " + key);
    assertThat(e.getMessage())
        .doesNotContain(key)
        .doesNotContain("documents.read")
        .contains("sk_live_");
    String longToken = "x".repeat(200);
    assertThat(syntaxError("a " + longToken).getMessage())
        .doesNotContain(longToken)
        .contains("200 characters");
  }

  @Test
  void exceptionIsAnIllegalArgumentException() {
    assertThatThrownBy(() -> PermissionQuery.parse("("))
        .isExactlyInstanceOf(PermissionQuerySyntaxException.class)
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void permission_rejectsWhatTheLexerRejects() {
    assertThatThrownBy(() -> permission("")).isInstanceOf(PermissionQuerySyntaxException.class);
    assertThatThrownBy(() -> permission("a b")).isInstanceOf(PermissionQuerySyntaxException.class);
    assertThatThrownBy(() -> permission(" a")).isInstanceOf(PermissionQuerySyntaxException.class);
    assertThatThrownBy(() -> permission("AND")).isInstanceOf(PermissionQuerySyntaxException.class);
    assertThatThrownBy(() -> permission("or")).isInstanceOf(PermissionQuerySyntaxException.class);
    assertThatThrownBy(() -> permission("a(b")).isInstanceOf(PermissionQuerySyntaxException.class);
    assertThat(permission("ANDROID").permission()).isEqualTo("ANDROID");
  }

  @Test
  void andOr_needAtLeastOneQuery() {
    assertThatThrownBy(() -> and()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> or(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(and(permission("a"))).isEqualTo(permission("a"));
  }

  // --- canonical form

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a|a",
        "a and b|a AND b",
        "a AND (b AND c)|a AND b AND c",
        "(a OR b) AND c|(a OR b) AND c",
        "a OR b AND c|a OR b AND c",
        "a OR (b AND c)|a OR b AND c",
        "((a))  or\t(b or (c))|a OR b OR c",
        "(a OR b) AND (c OR d AND e)|(a OR b) AND (c OR d AND e)",
      })
  void toString_isCanonicalAndParsesBack(String input, String canonical) {
    PermissionQuery q = PermissionQuery.parse(input);
    assertThat(q).hasToString(canonical);
    assertThat(PermissionQuery.parse(q.toString())).isEqualTo(q).hasSameHashCodeAs(q);
  }

  @Test
  void toString_ofTheIssueExample() {
    PermissionQuery q =
        and(
            or(permission("api.*.update_key"), permission("api.api_1.update_key")),
            permission("rbac.*.add_permission_to_key"));
    assertThat(q)
        .hasToString("(api.*.update_key OR api.api_1.update_key) AND rbac.*.add_permission_to_key");
  }

  @Test
  void accessorsExposeTheTree() {
    PermissionQuery q = PermissionQuery.parse("a AND (b OR c)");
    assertThat(q.kind()).isEqualTo(PermissionQuery.Kind.AND);
    assertThat(q.children()).hasSize(2);
    assertThat(q.children().get(1).kind()).isEqualTo(PermissionQuery.Kind.OR);
    assertThat(q.permissions()).containsExactly("a", "b", "c");
    assertThatThrownBy(q::permission).isInstanceOf(IllegalStateException.class);
    assertThat(q).isNotEqualTo(PermissionQuery.parse("a OR b OR c"));
  }
}
