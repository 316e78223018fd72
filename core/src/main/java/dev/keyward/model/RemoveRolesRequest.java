package dev.keyward.model;

import dev.keyward.internal.Ids;
import java.util.List;

/** {@code keys.removeRoles}: removes roles from a key. */
public final class RemoveRolesRequest {
  private final String keyId;
  private final List<String> roles;

  private RemoveRolesRequest(String keyId, List<String> roles) {
    this.keyId = keyId;
    this.roles = roles;
  }

  /** A request for {@code keyId} with 1..100 role names. */
  public static RemoveRolesRequest of(String keyId, List<String> roles) {
    Ids.keyId(keyId);
    return new RemoveRolesRequest(keyId, Ids.roleNames("roles", roles, 1, 100));
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
    return "RemoveRolesRequest{keyId=" + keyId + ", roles=" + roles + "}";
  }
}
