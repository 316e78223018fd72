package dev.keyward.permission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** PLACEHOLDER (helper h1 replaces this file): Unkey's permission query language. */
public final class PermissionQuery {
  private final String permission;
  private final List<PermissionQuery> children;
  private final boolean and;

  private PermissionQuery(String permission, List<PermissionQuery> children, boolean and) {
    this.permission = permission;
    this.children = children;
    this.and = and;
  }

  /** A single permission. */
  public static PermissionQuery permission(String permission) {
    return new PermissionQuery(Objects.requireNonNull(permission, "permission == null"), List.of(), false);
  }

  /** All of {@code queries}. */
  public static PermissionQuery and(PermissionQuery... queries) {
    return new PermissionQuery("", List.copyOf(Arrays.asList(queries)), true);
  }

  /** Any of {@code queries}. */
  public static PermissionQuery or(PermissionQuery... queries) {
    return new PermissionQuery("", List.copyOf(Arrays.asList(queries)), false);
  }

  /** Parses a query. */
  public static PermissionQuery parse(String query) {
    throw new UnsupportedOperationException("h1 implements parse");
  }

  /** True if {@code granted} satisfies this query. */
  public boolean evaluate(Set<String> granted) {
    if (children.isEmpty()) {
      return granted.contains(permission);
    }
    for (PermissionQuery child : children) {
      if (child.evaluate(granted) != and) {
        return !and;
      }
    }
    return and;
  }

  @Override
  public String toString() {
    if (children.isEmpty()) {
      return permission;
    }
    List<String> parts = new ArrayList<>();
    for (PermissionQuery c : children) {
      parts.add(c.children.isEmpty() ? c.toString() : "(" + c + ")");
    }
    return String.join(and ? " AND " : " OR ", parts);
  }
}
