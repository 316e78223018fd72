package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import java.util.List;

/**
 * {@code permissions.setRolePermissions}: replaces a role's permissions (an empty list removes
 * all).
 */
public final class SetRolePermissionsRequest {
  private final String roleId;
  private final List<String> permissions;

  private SetRolePermissionsRequest(String roleId, List<String> permissions) {
    this.roleId = roleId;
    this.permissions = permissions;
  }

  /** Sets the permissions of {@code roleId} (3..255 of {@code [a-zA-Z0-9_-]}) to 0..1000 slugs. */
  public static SetRolePermissionsRequest of(String roleId, List<String> permissions) {
    Constraints.pattern("roleId", roleId, 3, 255, Ids.RESOURCE_ID, "[a-zA-Z0-9_-]");
    return new SetRolePermissionsRequest(
        roleId, Ids.permissionSlugs("permissions", permissions, 0, 1000));
  }

  /** The role's id. */
  public String roleId() {
    return roleId;
  }

  /** The complete new list of permission slugs. */
  public List<String> permissions() {
    return permissions;
  }

  @Override
  public String toString() {
    return "SetRolePermissionsRequest{roleId=" + roleId + ", permissions=" + permissions + "}";
  }
}
