package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** The answer of {@code permissions.createRole}: the new role's id. */
public record CreatedRole(String roleId, String requestId) {
  /** Checks nulls. */
  public CreatedRole {
    Constraints.notNull("roleId", roleId);
    Constraints.notNull("requestId", requestId);
  }
}
