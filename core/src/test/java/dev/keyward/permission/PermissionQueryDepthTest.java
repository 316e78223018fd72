package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import dev.keyward.model.VerifyKeyRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A query built in a loop ({@code q = or(and(q, b), c)}) nests one level per round; beyond {@link
 * PermissionQuery#MAX_DEPTH} it is a typed error where it is built, never a StackOverflowError in
 * {@code toString()}, {@code evaluate} or a request builder.
 */
class PermissionQueryDepthTest {
  private static final PermissionQuery B = PermissionQuery.permission("b");
  private static final PermissionQuery C = PermissionQuery.permission("c");

  @Test
  void builtQuery_deeperThanTheLimit_isTypedError() {
    PermissionQuery q = PermissionQuery.permission("a");
    int rounds = 0;
    try {
      for (; rounds < 50_000; rounds++) {
        q = PermissionQuery.or(PermissionQuery.and(q, B), C);
      }
    } catch (IllegalArgumentException e) {
      assertThat(e).hasMessage("query is nested deeper than 256 levels of AND and OR");
    }
    assertThat(rounds).isLessThan(PermissionQuery.MAX_DEPTH);
    PermissionQuery deepest = q;
    assertThat(deepest.evaluate(Set.of("c"))).isTrue();
    assertThat(deepest.toString()).contains("((a AND b OR c) AND b OR c)").endsWith(") AND b OR c");
    assertThat(deepest).isEqualTo(deepest).hasSameHashCodeAs(deepest);
    assertThatThrownBy(
            () ->
                VerifyKeyRequest.builder(Secret.of("sk_live_3ZxK9mQ2pL7vN4rT8wY6"))
                    .permissions(deepest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permissions must be 1 to 1000 characters long");
  }

  @Test
  void deepestQueryUnkeyAccepts_parses() {
    // The tightest nesting: "a OR(a AND(a OR(…a…)))", 6 characters per level.
    StringBuilder open = new StringBuilder();
    int levels = 0;
    while (open.length() + 6 + 1 + levels + 1 <= 1000) {
      open.append(levels % 2 == 0 ? "a OR(" : "a AND(");
      levels++;
    }
    String text = open + "a" + ")".repeat(levels);
    PermissionQuery q = PermissionQuery.parse(text);
    assertThat(text.length()).isLessThanOrEqualTo(1000);
    assertThat(levels).isGreaterThan(150).isLessThan(PermissionQuery.MAX_DEPTH);
    assertThat(PermissionQuery.parse(q.toString())).isEqualTo(q);
  }
}
