package dev.keyward.model;

import java.util.List;
import java.util.Objects;

/**
 * The permissions assigned directly to a key or role after {@code keys.add/remove/setPermissions}
 * or {@code permissions.setRolePermissions}.
 */
public record AssignedPermissions(List<Permission> permissions, String requestId) {
  /** Copies the list and checks nulls. */
  public AssignedPermissions {
    permissions = List.copyOf(permissions);
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
