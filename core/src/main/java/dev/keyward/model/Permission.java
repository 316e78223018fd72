package dev.keyward.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An RBAC permission: its id, human-readable name, slug (what keys are checked against) and
 * description.
 */
public record Permission(String id, String name, String slug, @Nullable String description) {
  /** Checks nulls. */
  public Permission {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(slug, "slug == null");
  }
}
