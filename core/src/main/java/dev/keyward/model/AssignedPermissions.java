package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.List;

/**
 * The permissions assigned directly to a key or role after {@code keys.add/remove/setPermissions}
 * or {@code permissions.setRolePermissions}.
 */
public record AssignedPermissions(List<Permission> permissions, String requestId) {
  /** Copies the list and checks nulls. */
  public AssignedPermissions {
    permissions = Constraints.nonNullItems("permissions", permissions);
    Constraints.notNull("requestId", requestId);
  }
}
