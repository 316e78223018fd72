package dev.keyward.permission;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One root-key permission, {@code type.id.action} such as {@code api.*.create_key}, one of Unkey's
 * resource permissions on key spaces such as {@code unkey:v1:ws_1:keyspaces/ks_1#create_key}, or
 * Unkey's legacy bare {@code *}.
 *
 * <p>{@link #parse} accepts exactly what Unkey's dashboard validation accepts for legacy tuples
 * ({@code internal/rbac/src/permissions.ts}): a known resource type, an id that is {@code *} or the
 * type's prefix plus 8 to 32 letters or digits (identity ids are free), an action of that type, at
 * most 512 characters. keyward adds {@code keyward.*.manage_root_keys} for its root-key operations
 * ({@link ResourceType#KEYWARD}). Unlike the dashboard it also rejects whitespace and control
 * characters anywhere.
 *
 * <p>Resource permissions ({@link #isUrn()}) are {@code unkey:v1:<workspaceId>:<path>#<action>}
 * with the path {@code keyspaces/<keyspaceId>}, {@code keyspaces/<keyspaceId>/keys/<keyId>} or
 * {@code **}, where an id may be {@code *} (one segment) and the last segment {@code **} (it and
 * everything below), and the action one a key space's keys take ({@code create_key}, {@code
 * read_key}, {@code update_key}, {@code delete_key}, {@code verify_key}, {@code encrypt_key},
 * {@code decrypt_key}), or {@code *} with the path {@code **}. Those are the resource names Unkey's
 * handlers check besides the tuples ({@link Operation#requirement(String, java.util.Set,
 * ResourceIds)}); {@link PermissionQuery#evaluate} matches them with Unkey's wildcard rules. Their
 * {@link #type()} is {@link ResourceType#API} (a key space is an API's) and their {@link #action()}
 * the action they name.
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

  /** True for a resource permission ({@code unkey:v1:…}); {@link #text} is then the URN. */
  private final boolean urn;

  /** For a resource permission: whether its path holds {@code **} or spans key spaces. */
  private final boolean urnWildcard;

  private RootPermission(@Nullable ResourceType type, String resourceId, @Nullable Action action) {
    this.type = type;
    this.resourceId = resourceId;
    this.action = action;
    this.text =
        type == null || action == null
            ? "*"
            : type.wireName() + "." + resourceId + "." + action.wireName();
    this.urn = false;
    this.urnWildcard = false;
  }

  private RootPermission(String urn, String keyspaceId, @Nullable Action action, boolean wide) {
    this.type = ResourceType.API;
    this.resourceId = keyspaceId;
    this.action = action;
    this.text = urn;
    this.urn = true;
    this.urnWildcard = wide;
  }

  /**
   * Parses {@code type.id.action}, a resource permission {@code unkey:v1:…} or the legacy {@code
   * *}.
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

  /** A checked resource permission; {@code action} null for {@code **#*}. */
  static RootPermission trustedUrn(
      String urn, String keyspaceId, @Nullable Action action, boolean wide) {
    return new RootPermission(urn, keyspaceId, action, wide);
  }

  /** True for the legacy bare {@code *}. */
  public boolean isLegacyWildcard() {
    return type == null;
  }

  /**
   * True for one of Unkey's resource permissions, {@code unkey:v1:<workspaceId>:<path>#<action>}.
   */
  public boolean isUrn() {
    return urn;
  }

  /**
   * True if the permission reaches every resource of its type: the id is {@code *}, or for a
   * resource permission the path holds {@code **} or a {@code *} key space ({@code
   * keyspaces/ks_1/keys/*}, every key of one key space, is as narrow as {@code api.<id>.…}). False
   * for the legacy {@code *}.
   */
  public boolean isWildcard() {
    return urn ? urnWildcard : type != null && resourceId.equals("*");
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

  /**
   * The resource id, or {@code *}; {@code *} for the legacy wildcard too. For a resource permission
   * the key space id it names, or {@code *} when it names none or a wildcard.
   */
  public String resourceId() {
    return resourceId;
  }

  /**
   * The action.
   *
   * @throws IllegalStateException for the legacy {@code *} and the resource permission {@code
   *     **#*}, which name none
   */
  public Action action() {
    if (action == null) {
      throw new IllegalStateException(
          urn
              ? "the resource permission with action '*' names no single action"
              : "the legacy '*' permission has no action");
    }
    return action;
  }

  /**
   * This permission on another resource (or on all with {@code *}).
   *
   * @throws IllegalStateException for a resource permission, whose path is not a single id
   */
  public RootPermission withResourceId(String resourceId) {
    if (urn) {
      throw new IllegalStateException("a resource permission has a path, not one resource id");
    }
    return of(type(), resourceId, action());
  }

  /**
   * This permission as a query leaf: for a resource permission a {@link
   * PermissionQuery#resourcePermission} leaf.
   *
   * @throws PermissionQuerySyntaxException for an identity id with characters queries cannot hold
   * @throws IllegalArgumentException for the resource permission {@code **#*}, whose action a query
   *     leaf cannot hold
   */
  public PermissionQuery toQuery() {
    return urn ? PermissionQuery.resourcePermission(text) : PermissionQuery.permission(text);
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

  /**
   * The permission string, e.g. {@code api.*.create_key} or {@code
   * unkey:v1:ws_1:keyspaces/ks_1#create_key}.
   */
  @Override
  public String toString() {
    return text;
  }
}
