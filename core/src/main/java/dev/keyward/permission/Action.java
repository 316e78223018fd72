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
  /** {@code read_api}: Read an API's settings. */
  READ_API,
  /** {@code create_api}: Create an API (a key space). */
  CREATE_API,
  /** {@code delete_api}: Delete an API and, with it, its keys. */
  DELETE_API,
  /** {@code update_api}: Change an API's settings. */
  UPDATE_API,
  /** {@code create_key}: Create keys in an API. */
  CREATE_KEY,
  /**
   * {@code update_key}: Change a key's settings: name, metadata, expiry, credits, limits, roles,
   * permissions.
   */
  UPDATE_KEY,
  /** {@code delete_key}: Delete keys. */
  DELETE_KEY,
  /** {@code encrypt_key}: Store a key's plaintext encrypted (recoverable keys) when creating it. */
  ENCRYPT_KEY,
  /** {@code decrypt_key}: Read back a recoverable key's plaintext. */
  DECRYPT_KEY,
  /** {@code read_key}: Read keys' metadata (never their plaintext without {@link #DECRYPT_KEY}). */
  READ_KEY,
  /** {@code verify_key}: Verify keys. */
  VERIFY_KEY,
  /** {@code read_analytics}: Query verification analytics. */
  READ_ANALYTICS,
  // ratelimit
  /** {@code limit}: Spend from a rate limit namespace. */
  LIMIT,
  /** {@code create_namespace}: Create rate limit namespaces. */
  CREATE_NAMESPACE,
  /** {@code read_namespace}: Read rate limit namespaces. */
  READ_NAMESPACE,
  /** {@code update_namespace}: Change rate limit namespaces. */
  UPDATE_NAMESPACE,
  /** {@code delete_namespace}: Delete rate limit namespaces. */
  DELETE_NAMESPACE,
  /** {@code set_override}: Set a rate limit override for an identifier. */
  SET_OVERRIDE,
  /** {@code read_override}: Read rate limit overrides. */
  READ_OVERRIDE,
  /** {@code delete_override}: Delete rate limit overrides. */
  DELETE_OVERRIDE,
  // rbac
  /** {@code create_permission}: Create permissions. */
  CREATE_PERMISSION,
  /** {@code update_permission}: Change permissions. */
  UPDATE_PERMISSION,
  /** {@code delete_permission}: Delete permissions. */
  DELETE_PERMISSION,
  /** {@code read_permission}: Read permissions. */
  READ_PERMISSION,
  /** {@code create_role}: Create roles. */
  CREATE_ROLE,
  /** {@code update_role}: Change roles. */
  UPDATE_ROLE,
  /** {@code delete_role}: Delete roles. */
  DELETE_ROLE,
  /** {@code read_role}: Read roles. */
  READ_ROLE,
  /** {@code add_permission_to_key}: Grant permissions to a key. */
  ADD_PERMISSION_TO_KEY,
  /** {@code remove_permission_from_key}: Take permissions away from a key. */
  REMOVE_PERMISSION_FROM_KEY,
  /** {@code add_role_to_key}: Give roles to a key. */
  ADD_ROLE_TO_KEY,
  /** {@code remove_role_from_key}: Take roles away from a key. */
  REMOVE_ROLE_FROM_KEY,
  /** {@code add_permission_to_role}: Add permissions to a role. */
  ADD_PERMISSION_TO_ROLE,
  /** {@code remove_permission_from_role}: Remove permissions from a role. */
  REMOVE_PERMISSION_FROM_ROLE,
  // identity
  /** {@code create_identity}: Create identities. */
  CREATE_IDENTITY,
  /** {@code read_identity}: Read identities. */
  READ_IDENTITY,
  /** {@code update_identity}: Change identities' metadata and rate limits. */
  UPDATE_IDENTITY,
  /** {@code delete_identity}: Delete identities. */
  DELETE_IDENTITY,
  // project
  /** {@code create_project}: Create deployment projects. */
  CREATE_PROJECT,
  /** {@code read_project}: Read deployment projects. */
  READ_PROJECT,
  /** {@code update_project}: Change deployment projects. */
  UPDATE_PROJECT,
  /** {@code delete_project}: Delete deployment projects. */
  DELETE_PROJECT,
  /** {@code create_app}: Create apps in a project. */
  CREATE_APP,
  /** {@code create_deployment}: Create deployments. */
  CREATE_DEPLOYMENT,
  /** {@code read_deployment}: Read deployments. */
  READ_DEPLOYMENT,
  /** {@code generate_upload_url}: Get a URL to upload a build to. */
  GENERATE_UPLOAD_URL,
  /** {@code read_gateway_requests}: Read the requests a project's gateway served. */
  READ_GATEWAY_REQUESTS,
  /** {@code read_runtime_logs}: Read a deployment's runtime logs. */
  READ_RUNTIME_LOGS,
  // app
  /** {@code read_app}: Read apps. */
  READ_APP,
  /** {@code update_app}: Change apps. */
  UPDATE_APP,
  /** {@code delete_app}: Delete apps. */
  DELETE_APP,
  /** {@code connect_repository}: Connect a source repository to an app. */
  CONNECT_REPOSITORY,
  // environment
  /** {@code read_environment}: Read environments. */
  READ_ENVIRONMENT,
  /** {@code update_environment}: Change environments. */
  UPDATE_ENVIRONMENT,
  /** {@code set_environment_variables}: Set an environment's variables. */
  SET_ENVIRONMENT_VARIABLES,
  /** {@code remove_environment_variables}: Remove an environment's variables. */
  REMOVE_ENVIRONMENT_VARIABLES,
  /** {@code read_environment_variables}: Read an environment's variables, values included. */
  READ_ENVIRONMENT_VARIABLES,
  /** {@code stop_deployment}: Stop a running deployment. */
  STOP_DEPLOYMENT,
  /** {@code start_deployment}: Start a stopped deployment. */
  START_DEPLOYMENT,
  /** {@code promote_deployment}: Make a deployment the one an environment serves. */
  PROMOTE_DEPLOYMENT,
  /** {@code rollback_deployment}: Serve an earlier deployment again. */
  ROLLBACK_DEPLOYMENT,
  /** {@code set_policies}: Set an environment's gateway policies. */
  SET_POLICIES,
  /** {@code update_policy}: Change one gateway policy. */
  UPDATE_POLICY,
  /** {@code read_policies}: Read gateway policies. */
  READ_POLICIES,
  /** {@code create_domain}: Attach custom domains. */
  CREATE_DOMAIN,
  /** {@code read_domain}: Read custom domains. */
  READ_DOMAIN,
  /** {@code delete_domain}: Detach custom domains. */
  DELETE_DOMAIN,
  /** {@code verify_domain}: Check a custom domain's DNS verification. */
  VERIFY_DOMAIN,
  // workspace
  /** {@code install_github}: Install the GitHub app for the workspace. */
  INSTALL_GITHUB,
  // portal
  /** {@code create_portal}: Create customer portals. */
  CREATE_PORTAL,
  /** {@code read_portal}: Read customer portals. */
  READ_PORTAL,
  /** {@code update_portal}: Change customer portals. */
  UPDATE_PORTAL,
  /** {@code delete_portal}: Delete customer portals. */
  DELETE_PORTAL,
  /** {@code create_portal_session}: Open a session in a customer portal for one of your users. */
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
