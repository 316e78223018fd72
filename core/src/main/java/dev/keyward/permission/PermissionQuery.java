package dev.keyward.permission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Unkey's permission query language, as {@code keys.verifyKey} takes it in {@code permissions}:
 * permissions combined with {@code AND}, {@code OR} and parentheses.
 *
 * <p>Semantics follow Unkey's Go evaluator exactly: {@code AND} binds tighter than {@code OR};
 * keywords are case-insensitive whole words ({@code ANDROID} is a permission); a permission matches
 * only an equal granted string ({@code *} is a literal character, not a wildcard); a query is at
 * most 1000 characters; permission characters are {@code [A-Za-z0-9._:*\/-]}.
 *
 * <pre>{@code
 * PermissionQuery q = PermissionQuery.parse("documents.read AND (billing.admin OR reports.export)");
 * q.evaluate(Set.of("documents.read", "billing.admin")); // true
 * }</pre>
 *
 * <p>Instances are immutable. Nested operators of the same kind are flattened ({@code a AND (b AND
 * c)} equals {@code a AND b AND c}); {@link #toString()} is canonical and parses back to an equal
 * query.
 *
 * <p>Two deliberate differences from Unkey's byte-oriented Go lexer, both rejections of input Unkey
 * would mangle rather than reject: a NUL character (Go ends the query there) and non-ASCII letters
 * (Go reads single UTF-8 bytes as Latin-1) are invalid characters here.
 */
public final class PermissionQuery {
  /** What a query node is. */
  public enum Kind {
    /** A single permission, matched by string equality. */
    PERMISSION,
    /** All children must match. */
    AND,
    /** At least one child must match. */
    OR
  }

  /**
   * Deepest nesting of {@code AND} and {@code OR} nodes (a permission counts 1). A query Unkey
   * accepts (1000 characters) nests far less; the bound keeps {@link #toString()}, {@link
   * #evaluate}, {@link #equals} and {@link #hashCode}, which recurse, clear of a stack overflow on
   * a query built in a loop.
   */
  public static final int MAX_DEPTH = 256;

  private static final int MAX_URN_LENGTH = 1000;

  private static final PermissionQuery[] NO_CHILDREN = new PermissionQuery[0];

  private final Kind kind;
  private final String permission;

  /** True for a resource-permission leaf ({@code unkey:v1:…#action}), matched with wildcards. */
  private final boolean resource;

  private final PermissionQuery[] children;
  private final int depth;

  /** Computed on first use, like {@link String#hashCode()}: parsing should not pay for it. */
  private int hashCode;

  private PermissionQuery(Kind kind, String permission, PermissionQuery[] children) {
    this(kind, permission, children, false);
  }

  private PermissionQuery(
      Kind kind, String permission, PermissionQuery[] children, boolean resource) {
    this.kind = kind;
    this.permission = permission;
    this.resource = resource;
    this.children = children;
    int deepest = 0;
    for (PermissionQuery child : children) {
      deepest = Math.max(deepest, child.depth);
    }
    this.depth = deepest + 1;
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "query is nested deeper than " + MAX_DEPTH + " levels of AND and OR");
    }
  }

  /**
   * Parses a query such as {@code (api.*.update_key OR api.api_1.update_key) AND rbac.*.read_role}.
   *
   * @throws PermissionQuerySyntaxException with the position and what was expected there
   */
  public static PermissionQuery parse(String query) {
    Objects.requireNonNull(query, "query == null");
    return QueryParser.parse(query);
  }

  /**
   * A query of one permission.
   *
   * @throws PermissionQuerySyntaxException if {@code permission} is empty, holds a character
   *     outside {@code [A-Za-z0-9._:*\/-]} or is the keyword {@code AND} or {@code OR}
   */
  public static PermissionQuery permission(String permission) {
    Objects.requireNonNull(permission, "permission == null");
    QueryParser.checkPermission(permission);
    return leaf(permission);
  }

  /**
   * A leaf for one of Unkey's resource permissions, {@code unkey:v1:<workspace>:<path>#<action>},
   * as a handler builds it ({@code rbac.U}): it is matched by an equal granted string or by a
   * granted resource permission whose path wildcards cover it ({@code keyspaces/*}{@code
   * /keys/*#read_key}, {@code keyspaces/ks_1/**#read_key}, {@code **#*}). Such a leaf holds {@code
   * #}, which Unkey's query language (and {@link #parse}) does not accept, so a query holding one
   * prints but does not parse back.
   *
   * <p>A handler may itself require a pattern, e.g. {@code keyspaces/ks_1/keys/*#encrypt_key}
   * before the key exists: then only a grant whose path is {@code *} (or {@code **}) there covers
   * it.
   *
   * @throws IllegalArgumentException if {@code permission} is not a resource permission or its
   *     action is {@code *}
   */
  public static PermissionQuery resourcePermission(String permission) {
    Objects.requireNonNull(permission, "permission == null");
    UrnPermission parsed = UrnPermission.parse(permission);
    if (parsed == null || parsed.action.equals("*") || permission.length() > MAX_URN_LENGTH) {
      throw new IllegalArgumentException(
          "not a resource permission; expected unkey:v1:<workspace>:<path>#<action>, at most "
              + MAX_URN_LENGTH
              + " characters, the action not '*'");
    }
    return new PermissionQuery(Kind.PERMISSION, permission, NO_CHILDREN, true);
  }

  /** True for a leaf made by {@link #resourcePermission}, which matches with path wildcards. */
  public boolean isResourcePermission() {
    return resource;
  }

  /** A leaf for a string the lexer already accepted. */
  static PermissionQuery leaf(String permission) {
    return new PermissionQuery(Kind.PERMISSION, permission, NO_CHILDREN);
  }

  /** An {@code AND} or {@code OR} node that takes ownership of flattened {@code children}. */
  static PermissionQuery node(Kind kind, PermissionQuery[] children) {
    return new PermissionQuery(kind, "", children);
  }

  /**
   * A query that matches when all {@code queries} match; one query is returned as it is.
   *
   * @throws IllegalArgumentException if {@code queries} is empty or the result would nest deeper
   *     than {@link #MAX_DEPTH}
   */
  public static PermissionQuery and(PermissionQuery... queries) {
    return combine(Kind.AND, Arrays.asList(queries));
  }

  /** Like {@link #and(PermissionQuery...)}, for a list. */
  public static PermissionQuery and(List<PermissionQuery> queries) {
    return combine(Kind.AND, queries);
  }

  /**
   * A query that matches when any of {@code queries} matches; one query is returned as it is.
   *
   * @throws IllegalArgumentException if {@code queries} is empty or the result would nest deeper
   *     than {@link #MAX_DEPTH}
   */
  public static PermissionQuery or(PermissionQuery... queries) {
    return combine(Kind.OR, Arrays.asList(queries));
  }

  /** Like {@link #or(PermissionQuery...)}, for a list. */
  public static PermissionQuery or(List<PermissionQuery> queries) {
    return combine(Kind.OR, queries);
  }

  private static PermissionQuery combine(Kind kind, List<PermissionQuery> queries) {
    Objects.requireNonNull(queries, "queries == null");
    if (queries.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs at least one query");
    }
    if (queries.size() == 1) {
      return Objects.requireNonNull(queries.get(0), "queries[0] == null");
    }
    List<PermissionQuery> flat = new ArrayList<>(queries.size() + 2);
    for (int i = 0; i < queries.size(); i++) {
      PermissionQuery q = Objects.requireNonNull(queries.get(i), "queries[" + i + "] == null");
      if (q.kind == kind) {
        flat.addAll(Arrays.asList(q.children));
      } else {
        flat.add(q);
      }
    }
    return node(kind, flat.toArray(NO_CHILDREN));
  }

  /**
   * True if the {@code granted} permissions satisfy this query. A permission leaf matches an equal
   * granted string; a {@link #resourcePermission} leaf also matches a granted {@code unkey:v1:}
   * permission whose wildcards cover it, as Unkey's evaluator does. No other string is a wildcard.
   */
  public boolean evaluate(Set<String> granted) {
    Objects.requireNonNull(granted, "granted == null");
    return matches(granted);
  }

  private boolean matches(Set<String> granted) {
    switch (kind) {
      case PERMISSION:
        if (granted.contains(permission)) {
          return true;
        }
        if (!resource) {
          return false;
        }
        UrnPermission required = UrnPermission.parse(permission);
        return required != null && UrnPermission.anyCovers(required, granted);
      case AND:
        for (PermissionQuery child : children) {
          if (!child.matches(granted)) {
            return false;
          }
        }
        return true;
      default:
        for (PermissionQuery child : children) {
          if (child.matches(granted)) {
            return true;
          }
        }
        return false;
    }
  }

  /** What this node is. */
  public Kind kind() {
    return kind;
  }

  /**
   * The permission of a {@link Kind#PERMISSION} node.
   *
   * @throws IllegalStateException for {@code AND} and {@code OR} nodes
   */
  public String permission() {
    if (kind != Kind.PERMISSION) {
      throw new IllegalStateException(kind + " node has no single permission; see children()");
    }
    return permission;
  }

  /** The operands of an {@code AND} or {@code OR} node (at least two); empty for a permission. */
  public List<PermissionQuery> children() {
    return Collections.unmodifiableList(Arrays.asList(children));
  }

  /** The operands themselves, not a copy: callers must not modify it. */
  PermissionQuery[] childArray() {
    return children;
  }

  /** Every permission this query mentions, in order of first appearance. */
  public Set<String> permissions() {
    Set<String> out = new LinkedHashSet<>();
    collect(out);
    return Collections.unmodifiableSet(out);
  }

  private void collect(Set<String> out) {
    if (kind == Kind.PERMISSION) {
      out.add(permission);
    }
    for (PermissionQuery child : children) {
      child.collect(out);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PermissionQuery)) {
      return false;
    }
    PermissionQuery that = (PermissionQuery) o;
    return hashCode() == that.hashCode()
        && kind == that.kind
        && resource == that.resource
        && permission.equals(that.permission)
        && Arrays.equals(children, that.children);
  }

  @Override
  public int hashCode() {
    int h = hashCode;
    if (h == 0) {
      h =
          kind == Kind.PERMISSION
              ? permission.hashCode()
              : 31 * kind.ordinal() + Arrays.hashCode(children);
      hashCode = h;
    }
    return h;
  }

  /**
   * The canonical form: operators in upper case, single spaces, parentheses only where an {@code
   * OR} sits inside an {@code AND}, e.g. {@code (api.*.update_key OR api.api_1.update_key) AND
   * rbac.*.add_permission_to_key}. It parses back to an equal query whenever it fits Unkey's limit
   * of 1000 characters (a built or re-spaced query can be longer than that) and holds no {@link
   * #resourcePermission} leaf.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    write(out);
    return out.toString();
  }

  private void write(StringBuilder out) {
    if (kind == Kind.PERMISSION) {
      out.append(permission);
      return;
    }
    String separator = kind == Kind.AND ? " AND " : " OR ";
    for (int i = 0; i < children.length; i++) {
      if (i > 0) {
        out.append(separator);
      }
      PermissionQuery child = children[i];
      // AND binds tighter than OR, so only an OR inside an AND needs parentheses.
      if (child.kind == Kind.PERMISSION || (kind == Kind.OR && child.kind == Kind.AND)) {
        child.write(out);
      } else {
        out.append('(');
        child.write(out);
        out.append(')');
      }
    }
  }
}
