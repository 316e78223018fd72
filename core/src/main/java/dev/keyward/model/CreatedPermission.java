package dev.keyward.model;

import java.util.Objects;

/** The answer of {@code permissions.createPermission}: the new permission's id. */
public record CreatedPermission(String permissionId, String requestId) {
  /** Checks nulls. */
  public CreatedPermission {
    Objects.requireNonNull(permissionId, "permissionId == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
