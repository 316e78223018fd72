package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An RBAC role: a named bundle of permissions that keys can be assigned. */
public record Role(
    String id, String name, @Nullable String description, List<Permission> permissions) {
  /** Checks nulls and copies the permissions. */
  public Role {
    Constraints.notNull("id", id);
    Constraints.notNull("name", name);
    permissions = Constraints.nonNullItems("permissions", permissions);
  }
}
