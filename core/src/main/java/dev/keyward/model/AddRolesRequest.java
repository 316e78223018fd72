package dev.keyward.model;

import dev.keyward.internal.Ids;
import java.util.List;

/** {@code keys.addRoles}: assigns existing roles to a key. */
public final class AddRolesRequest {
  private final String keyId;
  private final List<String> roles;

  private AddRolesRequest(String keyId, List<String> roles) {
    this.keyId = keyId;
    this.roles = roles;
  }

  /** A request for {@code keyId} with 1..100 role names. */
  public static AddRolesRequest of(String keyId, List<String> roles) {
    Ids.keyId(keyId);
    return new AddRolesRequest(keyId, Ids.roleNames("roles", roles, 1, 100));
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
    return "AddRolesRequest{keyId=" + keyId + ", roles=" + roles + "}";
  }
}
