package dev.keyward.model;

import dev.keyward.internal.Ids;

/** {@code permissions.deletePermission}: deletes a permission by id or slug. */
public final class DeletePermissionRequest {
  private final String permission;

  private DeletePermissionRequest(String permission) {
    this.permission = permission;
  }

  /** A request for {@code permission}. */
  public static DeletePermissionRequest of(String permission) {
    return new DeletePermissionRequest(Ids.permissionSlug("permission", permission));
  }

  /** The permission's id or slug. */
  public String permission() {
    return permission;
  }

  @Override
  public String toString() {
    return "DeletePermissionRequest{permission=" + permission + "}";
  }
}
