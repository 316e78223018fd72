package dev.keyward.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An RBAC role: a named bundle of permissions that keys can be assigned. */
public record Role(
    String id, String name, @Nullable String description, List<Permission> permissions) {
  /** Checks nulls and copies the permissions. */
  public Role {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    permissions = List.copyOf(permissions);
  }
}
