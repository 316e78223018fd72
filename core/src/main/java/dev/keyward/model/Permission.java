package dev.keyward.model;

import dev.keyward.internal.Constraints;
import org.jspecify.annotations.Nullable;

/**
 * An RBAC permission: its id, human-readable name, slug (what keys are checked against) and
 * description.
 */
public record Permission(String id, String name, String slug, @Nullable String description) {
  /** Checks nulls. */
  public Permission {
    Constraints.notNull("id", id);
    Constraints.notNull("name", name);
    Constraints.notNull("slug", slug);
  }
}
