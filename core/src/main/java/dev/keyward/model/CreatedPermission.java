package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** The answer of {@code permissions.createPermission}: the new permission's id. */
public record CreatedPermission(String permissionId, String requestId) {
  /** Checks nulls. */
  public CreatedPermission {
    Constraints.notNull("permissionId", permissionId);
    Constraints.notNull("requestId", requestId);
  }
}
