package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
  @Test
  void hasAnyApiPermissionMatchesWholeActionsOnly() {
    assertThat(holds("api.api_123.verify_key")).isTrue();
    assertThat(holds("api.*.verify_key")).isTrue();
    assertThat(holds("api.api_123.xverify_key")).isFalse();
    assertThat(holds("api.api_123.verify_keys")).isFalse();
    assertThat(holds("ratelimit.ns_1.verify_key")).isFalse();
    assertThat(holds("api.api_123.read_api")).isFalse();
  }

  @Test
  void bootstrapHoldsEveryApiPermission() {
    StoredRootKey k = new StoredRootKey("key_1", "h", "unkey_", true, Instant.EPOCH);
    assertThat(Workspace.hasAnyApiPermission(k, "verify_key")).isTrue();
  }

  private static boolean holds(String permission) {
    StoredRootKey k = new StoredRootKey("key_1", "h", "unkey_", false, Instant.EPOCH);
    k.permissions.add(permission);
    return Workspace.hasAnyApiPermission(k, "verify_key");
  }
}
