package dev.keyward.permission;

import static dev.keyward.permission.Action.*;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The resource types of Unkey's root permissions ({@code type.id.action}), each with the ids and
 * actions Unkey's dashboard accepts for it, plus keyward's {@link #KEYWARD} extension.
 */
public enum ResourceType {
  /** APIs and their keys; ids {@code api_…}. */
  API(
      "api",
      "api",
      READ_API,
      CREATE_API,
      DELETE_API,
      UPDATE_API,
      CREATE_KEY,
      UPDATE_KEY,
      DELETE_KEY,
      ENCRYPT_KEY,
      DECRYPT_KEY,
      READ_KEY,
      VERIFY_KEY,
      READ_ANALYTICS),
  /** Rate-limit namespaces and overrides; ids {@code rlns_…}. */
  RATELIMIT(
      "ratelimit",
      "rlns",
      LIMIT,
      READ_ANALYTICS,
      CREATE_NAMESPACE,
      READ_NAMESPACE,
      UPDATE_NAMESPACE,
      DELETE_NAMESPACE,
      SET_OVERRIDE,
      READ_OVERRIDE,
      DELETE_OVERRIDE),
  /** Permissions and roles; ids {@code rbac_…} (Unkey's handlers check only {@code rbac.*}). */
  RBAC(
      "rbac",
      "rbac",
      CREATE_PERMISSION,
      UPDATE_PERMISSION,
      DELETE_PERMISSION,
      READ_PERMISSION,
      CREATE_ROLE,
      UPDATE_ROLE,
      DELETE_ROLE,
      READ_ROLE,
      ADD_PERMISSION_TO_KEY,
      REMOVE_PERMISSION_FROM_KEY,
      ADD_ROLE_TO_KEY,
      REMOVE_ROLE_FROM_KEY,
      ADD_PERMISSION_TO_ROLE,
      REMOVE_PERMISSION_FROM_ROLE),
  /** Identities; the dashboard accepts any id here. */
  IDENTITY("identity", null, CREATE_IDENTITY, READ_IDENTITY, UPDATE_IDENTITY, DELETE_IDENTITY),
  /** Deploy projects; ids {@code proj_…}. */
  PROJECT(
      "project",
      "proj",
      CREATE_PROJECT,
      READ_PROJECT,
      UPDATE_PROJECT,
      DELETE_PROJECT,
      CREATE_APP,
      CREATE_DEPLOYMENT,
      READ_DEPLOYMENT,
      GENERATE_UPLOAD_URL,
      READ_GATEWAY_REQUESTS,
      READ_RUNTIME_LOGS),
  /** Deploy apps; ids {@code app_…}. */
  APP("app", "app", READ_APP, UPDATE_APP, DELETE_APP, CONNECT_REPOSITORY),
  /** Deploy environments; ids {@code env_…}. */
  ENVIRONMENT(
      "environment",
      "env",
      READ_ENVIRONMENT,
      UPDATE_ENVIRONMENT,
      SET_ENVIRONMENT_VARIABLES,
      REMOVE_ENVIRONMENT_VARIABLES,
      READ_ENVIRONMENT_VARIABLES,
      CREATE_DEPLOYMENT,
      READ_DEPLOYMENT,
      STOP_DEPLOYMENT,
      START_DEPLOYMENT,
      PROMOTE_DEPLOYMENT,
      ROLLBACK_DEPLOYMENT,
      SET_POLICIES,
      UPDATE_POLICY,
      READ_POLICIES,
      CREATE_DOMAIN,
      READ_DOMAIN,
      DELETE_DOMAIN,
      VERIFY_DOMAIN),
  /** Workspace-wide actions; ids {@code ws_…}. */
  WORKSPACE("workspace", "ws", INSTALL_GITHUB),
  /** Customer portals; ids {@code pc_…}. */
  PORTAL(
      "portal",
      "pc",
      CREATE_PORTAL,
      READ_PORTAL,
      UPDATE_PORTAL,
      DELETE_PORTAL,
      CREATE_PORTAL_SESSION),
  /**
   * keyward's extension for its {@code rootKeys.*} operations: only {@code
   * keyward.*.manage_root_keys}. Unkey's dashboard does not know it; servers that implement
   * keyward's root-key spec do.
   */
  KEYWARD("keyward", null, MANAGE_ROOT_KEYS);

  private final String wireName;
  private final @Nullable String idPrefix;
  private final @Nullable Pattern idPattern;
  private final List<Action> actions;

  ResourceType(String wireName, @Nullable String idPrefix, Action... actions) {
    this.wireName = wireName;
    this.idPrefix = idPrefix;
    this.idPattern = idPrefix == null ? null : Pattern.compile(idPrefix + "_[0-9A-Za-z]{8,32}");
    this.actions = List.of(actions);
  }

  /** The name in a permission string, e.g. {@code api}. */
  public String wireName() {
    return wireName;
  }

  /** The actions this type allows, in Unkey's order. */
  public List<Action> actions() {
    return actions;
  }

  /** True if {@code action} is allowed on this type. */
  public boolean allows(Action action) {
    return actions.contains(Objects.requireNonNull(action, "action == null"));
  }

  /** The id prefix Unkey's dashboard requires, e.g. {@code api}; empty for identity and keyward. */
  public Optional<String> idPrefix() {
    return Optional.ofNullable(idPrefix);
  }

  /**
   * True if {@code id} is acceptable here: {@code *}, or {@code prefix_} plus 8 to 32 letters or
   * digits; identity ids are free; keyward's type takes only {@code *}.
   */
  public boolean acceptsId(String id) {
    Objects.requireNonNull(id, "id == null");
    if (id.equals("*")) {
      return true;
    }
    if (this == KEYWARD) {
      return false;
    }
    return idPattern == null || idPattern.matcher(id).matches();
  }

  /** The type with this wire name, e.g. {@code api}, if any. */
  public static Optional<ResourceType> fromWireName(String wireName) {
    Objects.requireNonNull(wireName, "wireName == null");
    for (ResourceType type : values()) {
      if (type.wireName.equals(wireName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
