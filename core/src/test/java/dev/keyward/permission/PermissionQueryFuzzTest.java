package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link PermissionQuery#parse} throws nothing but {@link PermissionQuerySyntaxException}, with a
 * position inside the input; what it accepts has a canonical form that parses back to an equal
 * query and is satisfied by its own permissions. Regression inputs live in {@code
 * PermissionQueryFuzzTestInputs/}; fuzz with {@code JAZZER_FUZZ=1}.
 */
class PermissionQueryFuzzTest {

  @FuzzTest(maxDuration = "3m")
  void parseThrowsOnlySyntaxErrors(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    PermissionQuery query;
    try {
      query = PermissionQuery.parse(input);
    } catch (PermissionQuerySyntaxException e) {
      assertThat(e.position()).isBetween(0, input.length());
      assertThat(e.getMessage()).isNotEmpty();
      if (input.length() > 60) {
        assertThat(e.getMessage()).doesNotContain(input);
      }
      return;
    }
    String canonical = query.toString();
    if (canonical.length() <= 1000) {
      assertThat(PermissionQuery.parse(canonical)).isEqualTo(query);
    }
    assertThat(query.evaluate(query.permissions())).isTrue();
    for (String permission : query.permissions()) {
      assertThat(PermissionQuery.permission(permission).permission()).isEqualTo(permission);
    }
  }

  @FuzzTest(maxDuration = "1m")
  void permissionThrowsOnlySyntaxErrors(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    try {
      assertThat(PermissionQuery.permission(input).toString()).isEqualTo(input);
    } catch (PermissionQuerySyntaxException e) {
      assertThat(e.position()).isBetween(0, Math.max(input.length(), 0));
    }
  }
}
