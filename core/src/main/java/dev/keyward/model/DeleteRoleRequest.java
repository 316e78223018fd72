package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** {@code permissions.deleteRole}: deletes a role by id or name. */
public final class DeleteRoleRequest {
  private final String role;

  private DeleteRoleRequest(String role) {
    this.role = role;
  }

  /** A request for {@code role}. */
  public static DeleteRoleRequest of(String role) {
    return new DeleteRoleRequest(Constraints.length("role", role, 1, 128));
  }

  /** The role's id or name. */
  public String role() {
    return role;
  }

  @Override
  public String toString() {
    return "DeleteRoleRequest{role=" + role + "}";
  }
}
