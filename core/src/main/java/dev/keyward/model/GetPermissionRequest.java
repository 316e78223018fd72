package dev.keyward.model;

import dev.keyward.internal.Ids;

/** {@code permissions.getPermission}: reads a permission by id or slug. */
public final class GetPermissionRequest {
  private final String permission;

  private GetPermissionRequest(String permission) {
    this.permission = permission;
  }

  /** A request for {@code permission}. */
  public static GetPermissionRequest of(String permission) {
    return new GetPermissionRequest(Ids.permissionSlug("permission", permission));
  }

  /** The permission's id or slug. */
  public String permission() {
    return permission;
  }

  @Override
  public String toString() {
    return "GetPermissionRequest{permission=" + permission + "}";
  }
}
