package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** An API (a namespace of keys), as {@code apis.getApi} returns it. */
public record ApiInfo(String id, String name) {
  /** Checks nulls. */
  public ApiInfo {
    Constraints.notNull("id", id);
    Constraints.notNull("name", name);
  }
}
