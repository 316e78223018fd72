package dev.keyward.model;

import dev.keyward.internal.Ids;
import java.util.List;

/** {@code keys.setPermissions}: replaces a key's direct permissions (an empty list removes all). */
public final class SetPermissionsRequest {
  private final String keyId;
  private final List<String> permissions;

  private SetPermissionsRequest(String keyId, List<String> permissions) {
    this.keyId = keyId;
    this.permissions = permissions;
  }

  /** A request for {@code keyId} with 0..1000 permission slugs. */
  public static SetPermissionsRequest of(String keyId, List<String> permissions) {
    Ids.keyId(keyId);
    return new SetPermissionsRequest(
        keyId, Ids.permissionSlugs("permissions", permissions, 0, 1000));
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
    return "SetPermissionsRequest{keyId=" + keyId + ", permissions=" + permissions + "}";
  }
}
