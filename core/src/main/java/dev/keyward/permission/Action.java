package dev.keyward.permission;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every action a root permission can name, across all resource types. Which actions a resource type
 * allows is {@link ResourceType#actions()}; the catalogue is Unkey's dashboard validation ({@code
 * internal/rbac/src/permissions.ts}) plus keyward's {@link #MANAGE_ROOT_KEYS}.
 */
public enum Action {
  // api
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
  READ_ANALYTICS,
  // ratelimit
  LIMIT,
  CREATE_NAMESPACE,
  READ_NAMESPACE,
  UPDATE_NAMESPACE,
  DELETE_NAMESPACE,
  SET_OVERRIDE,
  READ_OVERRIDE,
  DELETE_OVERRIDE,
  // rbac
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
  REMOVE_PERMISSION_FROM_ROLE,
  // identity
  CREATE_IDENTITY,
  READ_IDENTITY,
  UPDATE_IDENTITY,
  DELETE_IDENTITY,
  // project
  CREATE_PROJECT,
  READ_PROJECT,
  UPDATE_PROJECT,
  DELETE_PROJECT,
  CREATE_APP,
  CREATE_DEPLOYMENT,
  READ_DEPLOYMENT,
  GENERATE_UPLOAD_URL,
  READ_GATEWAY_REQUESTS,
  READ_RUNTIME_LOGS,
  // app
  READ_APP,
  UPDATE_APP,
  DELETE_APP,
  CONNECT_REPOSITORY,
  // environment
  READ_ENVIRONMENT,
  UPDATE_ENVIRONMENT,
  SET_ENVIRONMENT_VARIABLES,
  REMOVE_ENVIRONMENT_VARIABLES,
  READ_ENVIRONMENT_VARIABLES,
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
  VERIFY_DOMAIN,
  // workspace
  INSTALL_GITHUB,
  // portal
  CREATE_PORTAL,
  READ_PORTAL,
  UPDATE_PORTAL,
  DELETE_PORTAL,
  CREATE_PORTAL_SESSION,
  /**
   * keyward's extension: may call {@code rootKeys.*} (only as {@code keyward.*.manage_root_keys}).
   */
  MANAGE_ROOT_KEYS;

  private static final Map<String, Action> BY_WIRE_NAME = new HashMap<>();

  static {
    for (Action action : values()) {
      BY_WIRE_NAME.put(action.wireName, action);
    }
  }

  private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

  /** The name in a permission string, e.g. {@code create_key}. */
  public String wireName() {
    return wireName;
  }

  /** The action with this wire name, e.g. {@code create_key}, if any. */
  public static Optional<Action> fromWireName(String wireName) {
    Objects.requireNonNull(wireName, "wireName == null");
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
