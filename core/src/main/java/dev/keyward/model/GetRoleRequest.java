package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** {@code permissions.getRole}: reads a role by id or name. */
public final class GetRoleRequest {
  private final String role;

  private GetRoleRequest(String role) {
    this.role = role;
  }

  /** A request for {@code role}. */
  public static GetRoleRequest of(String role) {
    return new GetRoleRequest(Constraints.length("role", role, 1, 128));
  }

  /** The role's id or name. */
  public String role() {
    return role;
  }

  @Override
  public String toString() {
    return "GetRoleRequest{role=" + role + "}";
  }
}
