package dev.keyward.model;

import java.util.Objects;

/** The answer of {@code permissions.createRole}: the new role's id. */
public record CreatedRole(String roleId, String requestId) {
  /** Checks nulls. */
  public CreatedRole {
    Objects.requireNonNull(roleId, "roleId == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
