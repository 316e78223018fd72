package dev.keyward.model;

import dev.keyward.internal.Ids;
import java.util.List;

/** {@code keys.addPermissions}: adds direct permissions to a key (creating missing ones). */
public final class AddPermissionsRequest {
  private final String keyId;
  private final List<String> permissions;

  private AddPermissionsRequest(String keyId, List<String> permissions) {
    this.keyId = keyId;
    this.permissions = permissions;
  }

  /** A request for {@code keyId} with 1..1000 permission slugs. */
  public static AddPermissionsRequest of(String keyId, List<String> permissions) {
    Ids.keyId(keyId);
    return new AddPermissionsRequest(
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
    return "AddPermissionsRequest{keyId=" + keyId + ", permissions=" + permissions + "}";
  }
}
