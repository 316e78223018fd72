package dev.keyward.testing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An RBAC permission of API keys; guarded by the workspace lock. */
final class StoredPermission {
  final String id;
  final String name;
  final String slug;
  @Nullable String description;
  final Instant createdAt;

  dev.keyward.model.Permission view() {
    return new dev.keyward.model.Permission(id, name, slug, description);
  }

  StoredPermission(
      String id, String name, String slug, @Nullable String description, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.slug = slug;
    this.description = description;
    this.createdAt = createdAt;
  }
}
