package dev.keyward.model;

import java.util.Objects;

/** An API (a namespace of keys), as {@code apis.getApi} returns it. */
public record ApiInfo(String id, String name) {
  /** Checks nulls. */
  public ApiInfo {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
  }
}
