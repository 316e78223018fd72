package dev.keyward.model;

import dev.keyward.internal.Ids;
import java.util.List;

/** {@code keys.setRoles}: replaces a key's roles (an empty list removes all). */
public final class SetRolesRequest {
  private final String keyId;
  private final List<String> roles;

  private SetRolesRequest(String keyId, List<String> roles) {
    this.keyId = keyId;
    this.roles = roles;
  }

  /** A request for {@code keyId} with 0..100 role names. */
  public static SetRolesRequest of(String keyId, List<String> roles) {
    Ids.keyId(keyId);
    return new SetRolesRequest(keyId, Ids.roleNames("roles", roles, 0, 100));
  }

  /** The key's id. */
  public String keyId() {
    return keyId;
  }

  /** The role names. */
  public List<String> roles() {
    return roles;
  }

  @Override
  public String toString() {
    return "SetRolesRequest{keyId=" + keyId + ", roles=" + roles + "}";
  }
}
