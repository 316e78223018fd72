package dev.keyward.permission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable set of root permissions, such as a root key holds. Parsing many at once reports
 * every invalid entry, not just the first.
 *
 * <pre>{@code
 * PermissionSet granted = PermissionSet.parse("api.*.verify_key", "api.*.read_key");
 * granted.allows(Operation.KEYS_GET_KEY.requirement("api_123")); // true
 * }</pre>
 */
public final class PermissionSet implements Iterable<RootPermission> {
  private static final PermissionSet EMPTY = new PermissionSet(new TreeSet<>());

  private final Set<RootPermission> permissions;
  private final Set<String> strings;

  private PermissionSet(TreeSet<RootPermission> permissions) {
    this.permissions = Collections.unmodifiableSet(permissions);
    Set<String> s = new LinkedHashSet<>();
    for (RootPermission p : permissions) {
      s.add(p.toString());
    }
    this.strings = Collections.unmodifiableSet(s);
  }

  /** The empty set. */
  public static PermissionSet empty() {
    return EMPTY;
  }

  /**
   * Parses every permission.
   *
   * @throws InvalidPermissionException listing every invalid entry with its index in {@link
   *     InvalidPermissionException#problems()}
   */
  public static PermissionSet parse(String... permissions) {
    return parse(Arrays.asList(Objects.requireNonNull(permissions, "permissions == null")));
  }

  /** Like {@link #parse(String...)}, for a collection. */
  public static PermissionSet parse(Collection<String> permissions) {
    Objects.requireNonNull(permissions, "permissions == null");
    TreeSet<RootPermission> parsed = new TreeSet<>();
    List<InvalidPermissionException> problems = new ArrayList<>();
    int index = 0;
    for (String permission : permissions) {
      if (permission == null) {
        throw new NullPointerException("permissions[" + index + "] == null");
      }
      try {
        parsed.add(RootPermission.parse(permission));
      } catch (InvalidPermissionException e) {
        problems.add(e.atIndex(index));
      }
      index++;
    }
    if (!problems.isEmpty()) {
      throw InvalidPermissionException.combine(problems);
    }
    return new PermissionSet(parsed);
  }

  /** A set of already-parsed permissions. */
  public static PermissionSet of(RootPermission... permissions) {
    return of(Arrays.asList(Objects.requireNonNull(permissions, "permissions == null")));
  }

  /** A set of already-parsed permissions. */
  public static PermissionSet of(Collection<RootPermission> permissions) {
    Objects.requireNonNull(permissions, "permissions == null");
    TreeSet<RootPermission> set = new TreeSet<>();
    for (RootPermission p : permissions) {
      set.add(Objects.requireNonNull(p, "permission == null"));
    }
    return set.isEmpty() ? EMPTY : new PermissionSet(set);
  }

  /** The permissions, sorted by their string form. */
  public Set<RootPermission> permissions() {
    return permissions;
  }

  /** The permission strings, sorted: what a root key carries and what queries match against. */
  public Set<String> asStrings() {
    return strings;
  }

  /** True if this set holds {@code permission}. */
  public boolean contains(RootPermission permission) {
    return permissions.contains(Objects.requireNonNull(permission, "permission == null"));
  }

  /** True if this set holds the permission spelled {@code permission} (exact match). */
  public boolean contains(String permission) {
    return strings.contains(Objects.requireNonNull(permission, "permission == null"));
  }

  /** True if these permissions satisfy {@code query}, matching exactly as Unkey does. */
  public boolean allows(PermissionQuery query) {
    return Objects.requireNonNull(query, "query == null").evaluate(strings);
  }

  /** This set plus {@code other}. */
  public PermissionSet union(PermissionSet other) {
    Objects.requireNonNull(other, "other == null");
    TreeSet<RootPermission> set = new TreeSet<>(permissions);
    set.addAll(other.permissions);
    return new PermissionSet(set);
  }

  /** This set without the permissions in {@code other}. */
  public PermissionSet minus(PermissionSet other) {
    Objects.requireNonNull(other, "other == null");
    TreeSet<RootPermission> set = new TreeSet<>(permissions);
    set.removeAll(other.permissions);
    return new PermissionSet(set);
  }

  /** The number of permissions. */
  public int size() {
    return permissions.size();
  }

  /** True if there are no permissions. */
  public boolean isEmpty() {
    return permissions.isEmpty();
  }

  @Override
  public Iterator<RootPermission> iterator() {
    return permissions.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PermissionSet && ((PermissionSet) o).permissions.equals(permissions);
  }

  @Override
  public int hashCode() {
    return permissions.hashCode();
  }

  /** The permissions, e.g. {@code [api.*.read_key, api.*.verify_key]}. */
  @Override
  public String toString() {
    return strings.toString();
  }
}
