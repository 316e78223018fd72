package dev.keyward.model;

import dev.keyward.internal.Ids;
import java.util.List;

/** {@code keys.removePermissions}: removes direct permissions from a key. */
public final class RemovePermissionsRequest {
  private final String keyId;
  private final List<String> permissions;

  private RemovePermissionsRequest(String keyId, List<String> permissions) {
    this.keyId = keyId;
    this.permissions = permissions;
  }

  /** A request for {@code keyId} with 1..1000 permission slugs. */
  public static RemovePermissionsRequest of(String keyId, List<String> permissions) {
    Ids.keyId(keyId);
    return new RemovePermissionsRequest(
        keyId, Ids.permissionSlugs("permissions", permissions, 1, 1000));
  }

  /** The key's id. */
  public String keyId() {
    return keyId;
  }

  /** The permission slugs. */
  public List<String> permissions() {
    return permissions;
  }

  @Override
  public String toString() {
    return "RemovePermissionsRequest{keyId=" + keyId + ", permissions=" + permissions + "}";
  }
}
