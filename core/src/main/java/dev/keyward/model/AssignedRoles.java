package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.List;

/** The roles assigned to a key after {@code keys.add/remove/setRoles}. */
public record AssignedRoles(List<Role> roles, String requestId) {
  /** Copies the list and checks nulls. */
  public AssignedRoles {
    roles = Constraints.nonNullItems("roles", roles);
    Constraints.notNull("requestId", requestId);
  }
}
