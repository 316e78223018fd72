package dev.keyward.permission;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One root-key permission, {@code type.id.action} such as {@code api.*.create_key}, or Unkey's
 * legacy bare {@code *}.
 *
 * <p>{@link #parse} accepts exactly what Unkey's dashboard validation accepts for legacy tuples
 * ({@code internal/rbac/src/permissions.ts}): a known resource type, an id that is {@code *} or the
 * type's prefix plus 8 to 32 letters or digits (identity ids are free), an action of that type, at
 * most 512 characters. keyward adds {@code keyward.*.manage_root_keys} for its root-key operations
 * ({@link ResourceType#KEYWARD}). Unlike the dashboard it also rejects whitespace and control
 * characters anywhere, and it does not parse {@code unkey:v1:…} URN permissions.
 *
 * <p>The legacy {@code *} is accepted because old root keys carry it, but Unkey's v2 handlers match
 * permissions exactly, so it grants nothing there; {@link LeastPrivilege#audit} flags it.
 */
public final class RootPermission implements Comparable<RootPermission> {
  /** Unkey's dashboard limit on a permission's length. */
  public static final int MAX_LENGTH = 512;

  /** The legacy bare {@code *}: accepted, but grants nothing in Unkey's v2 API. */
  public static final RootPermission LEGACY_WILDCARD = new RootPermission(null, "*", null);

  private final @Nullable ResourceType type;
  private final String resourceId;
  private final @Nullable Action action;
  private final String text;

  private RootPermission(@Nullable ResourceType type, String resourceId, @Nullable Action action) {
    this.type = type;
    this.resourceId = resourceId;
    this.action = action;
    this.text =
        type == null || action == null
            ? "*"
            : type.wireName() + "." + resourceId + "." + action.wireName();
  }

  /**
   * Parses {@code type.id.action} or the legacy {@code *}.
   *
   * @throws InvalidPermissionException naming the wrong part and suggesting the nearest valid one
   */
  public static RootPermission parse(String permission) {
    Objects.requireNonNull(permission, "permission == null");
    return RootPermissionParser.parse(permission);
  }

  /**
   * A permission on one resource, or on all of its type with {@code resourceId} {@code *}.
   *
   * @throws InvalidPermissionException if the id does not fit the type or the type lacks the action
   */
  public static RootPermission of(ResourceType type, String resourceId, Action action) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(resourceId, "resourceId == null");
    Objects.requireNonNull(action, "action == null");
    RootPermissionParser.checkId(type, resourceId);
    RootPermissionParser.checkAction(type, resourceId, action.wireName());
    return new RootPermission(type, resourceId, action);
  }

  /** A permission on every resource of {@code type}, e.g. {@code api.*.verify_key}. */
  public static RootPermission wildcard(ResourceType type, Action action) {
    return of(type, "*", action);
  }

  static RootPermission trusted(ResourceType type, String resourceId, Action action) {
    return new RootPermission(type, resourceId, action);
  }

  /** True for the legacy bare {@code *}. */
  public boolean isLegacyWildcard() {
    return type == null;
  }

  /** True if the id is {@code *} (all resources of the type); false for the legacy {@code *}. */
  public boolean isWildcard() {
    return type != null && resourceId.equals("*");
  }

  /** True for keyward's own {@code keyward.*.manage_root_keys}, which Unkey's dashboard lacks. */
  public boolean isKeywardExtension() {
    return type == ResourceType.KEYWARD;
  }

  /**
   * The resource type.
   *
   * @throws IllegalStateException for the legacy {@code *}, which has none
   */
  public ResourceType type() {
    if (type == null) {
      throw new IllegalStateException("the legacy '*' permission has no resource type");
    }
    return type;
  }

  /** The resource id, or {@code *}; {@code *} for the legacy wildcard too. */
  public String resourceId() {
    return resourceId;
  }

  /**
   * The action.
   *
   * @throws IllegalStateException for the legacy {@code *}, which has none
   */
  public Action action() {
    if (action == null) {
      throw new IllegalStateException("the legacy '*' permission has no action");
    }
    return action;
  }

  /** This permission on another resource (or on all with {@code *}). */
  public RootPermission withResourceId(String resourceId) {
    return of(type(), resourceId, action());
  }

  /**
   * This permission as a query leaf.
   *
   * @throws PermissionQuerySyntaxException for an identity id with characters queries cannot hold
   */
  public PermissionQuery toQuery() {
    return PermissionQuery.permission(text);
  }

  @Override
  public int compareTo(RootPermission other) {
    return text.compareTo(other.text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RootPermission && ((RootPermission) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The permission string, e.g. {@code api.*.create_key}. */
  @Override
  public String toString() {
    return text;
  }
}
