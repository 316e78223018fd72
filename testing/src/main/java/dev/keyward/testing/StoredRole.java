package dev.keyward.testing;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An RBAC role: a name and the permission ids it grants; guarded by the workspace lock. */
final class StoredRole {
  final String id;
  final String name;
  @Nullable String description;
  final Set<String> permissionIds = new LinkedHashSet<>();
  final Instant createdAt;

  StoredRole(String id, String name, @Nullable String description, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.createdAt = createdAt;
  }
}
