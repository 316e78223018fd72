package dev.keyward.model;

import java.util.List;
import java.util.Objects;

/** The roles assigned to a key after {@code keys.add/remove/setRoles}. */
public record AssignedRoles(List<Role> roles, String requestId) {
  /** Copies the list and checks nulls. */
  public AssignedRoles {
    roles = List.copyOf(roles);
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
