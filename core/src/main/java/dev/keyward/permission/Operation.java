package dev.keyward.permission;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One constant per Unkey v2 operation keyward speaks (and keyward's {@code rootKeys.*} extension):
 * its wire name, how it may be retried, and the root permissions Unkey's handlers check.
 *
 * <p>{@link #requirement} is transcribed from Unkey's handlers ({@code
 * svc/api/routes/v2_*}/handler.go around commit fc99b6b9 of unkeyed/unkey); the resource {@code
 * dev/keyward/permission/unkey-checks.md} lists, per operation, the query, the handler file and the
 * commit it was read at. {@code rootKeys.*} is keyward's own extension and has no Unkey handler.
 */
public enum Operation {
  /** {@code POST /v2/keys.addPermissions}: adds permissions to a key, keeping those it has. */
  KEYS_ADD_PERMISSIONS("keys.addPermissions", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.addRoles}: gives roles to a key. */
  KEYS_ADD_ROLES("keys.addRoles", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.createKey}: creates a key; the answer holds its only plaintext. */
  KEYS_CREATE_KEY("keys.createKey", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.deleteKey}: deletes a key. */
  KEYS_DELETE_KEY("keys.deleteKey", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.getKey}: reads a key by id. */
  KEYS_GET_KEY("keys.getKey", RetryClass.SAFE),
  /** {@code POST /v2/keys.migrateKeys}: imports keys hashed elsewhere. */
  KEYS_MIGRATE_KEYS("keys.migrateKeys", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.removePermissions}: takes permissions away from a key. */
  KEYS_REMOVE_PERMISSIONS("keys.removePermissions", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.removeRoles}: takes roles away from a key. */
  KEYS_REMOVE_ROLES("keys.removeRoles", RetryClass.UNSAFE),
  /**
   * {@code POST /v2/keys.rerollKey}: issues a new key with the settings of an old one, which
   * expires after a grace period.
   */
  KEYS_REROLL_KEY("keys.rerollKey", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.setPermissions}: replaces a key's direct permissions. */
  KEYS_SET_PERMISSIONS("keys.setPermissions", RetryClass.REPLAYABLE),
  /** {@code POST /v2/keys.setRoles}: replaces a key's roles. */
  KEYS_SET_ROLES("keys.setRoles", RetryClass.REPLAYABLE),
  /**
   * {@code POST /v2/keys.updateCredits}: sets, increments or decrements a key's remaining credits.
   */
  KEYS_UPDATE_CREDITS("keys.updateCredits", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.updateKey}: changes a key's settings. */
  KEYS_UPDATE_KEY("keys.updateKey", RetryClass.REPLAYABLE),
  /** {@code POST /v2/keys.verifyKey}: verifies a key (and spends its credits and rate limits). */
  KEYS_VERIFY_KEY("keys.verifyKey", RetryClass.UNSAFE),
  /** {@code POST /v2/keys.whoami}: reads the key whose plaintext is sent. */
  KEYS_WHOAMI("keys.whoami", RetryClass.SAFE),
  /** {@code POST /v2/apis.createApi}: creates an API. */
  APIS_CREATE_API("apis.createApi", RetryClass.UNSAFE),
  /** {@code POST /v2/apis.getApi}: reads an API. */
  APIS_GET_API("apis.getApi", RetryClass.SAFE),
  /** {@code POST /v2/apis.listKeys}: lists an API's keys, a page at a time. */
  APIS_LIST_KEYS("apis.listKeys", RetryClass.SAFE),
  /** {@code POST /v2/apis.deleteApi}: deletes an API. */
  APIS_DELETE_API("apis.deleteApi", RetryClass.UNSAFE),
  /** {@code POST /v2/permissions.createPermission}: creates a permission. */
  PERMISSIONS_CREATE_PERMISSION("permissions.createPermission", RetryClass.UNSAFE),
  /** {@code POST /v2/permissions.getPermission}: reads a permission. */
  PERMISSIONS_GET_PERMISSION("permissions.getPermission", RetryClass.SAFE),
  /** {@code POST /v2/permissions.listPermissions}: lists permissions, a page at a time. */
  PERMISSIONS_LIST_PERMISSIONS("permissions.listPermissions", RetryClass.SAFE),
  /** {@code POST /v2/permissions.deletePermission}: deletes a permission. */
  PERMISSIONS_DELETE_PERMISSION("permissions.deletePermission", RetryClass.UNSAFE),
  /** {@code POST /v2/permissions.createRole}: creates a role. */
  PERMISSIONS_CREATE_ROLE("permissions.createRole", RetryClass.UNSAFE),
  /** {@code POST /v2/permissions.getRole}: reads a role. */
  PERMISSIONS_GET_ROLE("permissions.getRole", RetryClass.SAFE),
  /** {@code POST /v2/permissions.listRoles}: lists roles, a page at a time. */
  PERMISSIONS_LIST_ROLES("permissions.listRoles", RetryClass.SAFE),
  /** {@code POST /v2/permissions.deleteRole}: deletes a role. */
  PERMISSIONS_DELETE_ROLE("permissions.deleteRole", RetryClass.UNSAFE),
  /** {@code POST /v2/permissions.setRolePermissions}: replaces a role's permissions. */
  PERMISSIONS_SET_ROLE_PERMISSIONS("permissions.setRolePermissions", RetryClass.REPLAYABLE),
  /** {@code POST /v2/identities.createIdentity}: creates an identity. */
  IDENTITIES_CREATE_IDENTITY("identities.createIdentity", RetryClass.UNSAFE),
  /** {@code POST /v2/identities.getIdentity}: reads an identity. */
  IDENTITIES_GET_IDENTITY("identities.getIdentity", RetryClass.SAFE),
  /** {@code POST /v2/identities.listIdentities}: lists identities, a page at a time. */
  IDENTITIES_LIST_IDENTITIES("identities.listIdentities", RetryClass.SAFE),
  /**
   * {@code POST /v2/identities.updateIdentity}: replaces an identity's metadata and rate limits.
   */
  IDENTITIES_UPDATE_IDENTITY("identities.updateIdentity", RetryClass.REPLAYABLE),
  /** {@code POST /v2/identities.deleteIdentity}: deletes an identity. */
  IDENTITIES_DELETE_IDENTITY("identities.deleteIdentity", RetryClass.UNSAFE),
  /** {@code POST /v2/ratelimit.limit}: spends from one rate limit. */
  RATELIMIT_LIMIT("ratelimit.limit", RetryClass.UNSAFE),
  /** {@code POST /v2/ratelimit.multiLimit}: spends from several rate limits at once. */
  RATELIMIT_MULTI_LIMIT("ratelimit.multiLimit", RetryClass.UNSAFE),
  /** {@code POST /v2/ratelimit.setOverride}: sets an identifier's override in a namespace. */
  RATELIMIT_SET_OVERRIDE("ratelimit.setOverride", RetryClass.REPLAYABLE),
  /** {@code POST /v2/ratelimit.getOverride}: reads an override. */
  RATELIMIT_GET_OVERRIDE("ratelimit.getOverride", RetryClass.SAFE),
  /** {@code POST /v2/ratelimit.listOverrides}: lists a namespace's overrides, a page at a time. */
  RATELIMIT_LIST_OVERRIDES("ratelimit.listOverrides", RetryClass.SAFE),
  /** {@code POST /v2/ratelimit.deleteOverride}: deletes an override. */
  RATELIMIT_DELETE_OVERRIDE("ratelimit.deleteOverride", RetryClass.UNSAFE),
  /** {@code POST /v2/analytics.getVerifications}: queries verification analytics. */
  ANALYTICS_GET_VERIFICATIONS("analytics.getVerifications", RetryClass.SAFE),
  /** {@code POST /v2/rootKeys.createRootKey}: creates a root key (keyward's extension). */
  ROOT_KEYS_CREATE_ROOT_KEY("rootKeys.createRootKey", RetryClass.UNSAFE),
  /** {@code POST /v2/rootKeys.getRootKey}: reads a root key's metadata (keyward's extension). */
  ROOT_KEYS_GET_ROOT_KEY("rootKeys.getRootKey", RetryClass.SAFE),
  /** {@code POST /v2/rootKeys.listRootKeys}: lists root keys (keyward's extension). */
  ROOT_KEYS_LIST_ROOT_KEYS("rootKeys.listRootKeys", RetryClass.SAFE),
  /**
   * {@code POST /v2/rootKeys.updateRootKey}: changes a root key's name or permissions (keyward's
   * extension).
   */
  ROOT_KEYS_UPDATE_ROOT_KEY("rootKeys.updateRootKey", RetryClass.REPLAYABLE),
  /**
   * {@code POST /v2/rootKeys.rerollRootKey}: issues a root key replacing another (keyward's
   * extension).
   */
  ROOT_KEYS_REROLL_ROOT_KEY("rootKeys.rerollRootKey", RetryClass.UNSAFE),
  /** {@code POST /v2/rootKeys.deleteRootKey}: deletes a root key (keyward's extension). */
  ROOT_KEYS_DELETE_ROOT_KEY("rootKeys.deleteRootKey", RetryClass.UNSAFE),
  /** {@code GET /v2/liveness}: no authentication. */
  LIVENESS("liveness", RetryClass.SAFE);

  /**
   * How an operation may be retried after an ambiguous failure. This is keyward's only retry table.
   */
  public enum RetryClass {
    /** Reads: retried after a 5xx or an ambiguous transport failure. */
    SAFE,
    /** Writes that set state absolutely: replaying them converges, so retried like reads. */
    REPLAYABLE,
    /** Everything else: retried only when the request provably never left the client. */
    UNSAFE
  }

  /**
   * Request facts that make Unkey's handlers check more permissions. Fakes derive them from the
   * request and their state; conditions that do not apply to an operation are ignored.
   */
  public enum Condition {
    /**
     * {@code createKey} of a recoverable key, {@code rerollKey} of a key stored encrypted: also
     * {@code encrypt_key}.
     */
    RECOVERABLE,
    /** {@code getKey}/{@code listKeys} with {@code decrypt}: also {@code decrypt_key}. */
    DECRYPT,
    /**
     * {@code addPermissions}/{@code setPermissions}/{@code createRole}/{@code setRolePermissions}
     * name a permission slug that does not exist yet, which is created: also {@code
     * rbac.*.create_permission}. {@code updateKey} creates missing slugs too but checks nothing
     * more, and no handler adds a check for roles in the body (unknown roles answer 404).
     */
    NEW_PERMISSION_SLUG,
    /**
     * {@code ratelimit.limit} on a namespace that does not exist: also {@code
     * ratelimit.*.create_namespace}.
     */
    NEW_NAMESPACE,
    /** {@code createRole} with permissions: also {@code rbac.*.add_permission_to_role}. */
    ROLE_PERMISSIONS
  }

  private static final Map<String, Operation> BY_WIRE_NAME = new HashMap<>();

  static {
    for (Operation op : values()) {
      BY_WIRE_NAME.put(op.wireName, op);
    }
  }

  private final String wireName;
  private final RetryClass retryClass;
  private final String path;

  Operation(String wireName, RetryClass retryClass) {
    this.wireName = wireName;
    this.retryClass = retryClass;
    this.path = "/v2/" + wireName;
  }

  /** The name on the wire, e.g. {@code keys.createKey}; the HTTP path is {@code /v2/} + it. */
  public String wireName() {
    return wireName;
  }

  /** The HTTP path, e.g. {@code /v2/keys.createKey}. */
  public String path() {
    return path;
  }

  /**
   * How this operation may be retried. {@link #KEYS_UPDATE_CREDITS} answers {@code UNSAFE}: only
   * its {@code set} form is replayable, which the caller knows from the request.
   */
  public RetryClass retryClass() {
    return retryClass;
  }

  /**
   * True if repeating the call cannot change the outcome (its retry class is not {@code UNSAFE}).
   */
  public boolean idempotent() {
    return retryClass != RetryClass.UNSAFE;
  }

  /** False only for {@link #LIVENESS}, which needs no root key and no permission. */
  public boolean requiresPermission() {
    return this != LIVENESS;
  }

  /**
   * The root permissions Unkey's handler checks, as a query, e.g. for {@link #KEYS_ADD_PERMISSIONS}
   * on {@code api_1}: {@code (api.*.update_key OR api.api_1.update_key) AND
   * rbac.*.add_permission_to_key}. Same as {@code requirement(resourceId, Set.of())}.
   *
   * @param resourceId the id the permission is scoped to: the apiId for {@code apis.*} and {@code
   *     keys.*}, the namespace id for {@code ratelimit.*}, the identity id for {@code
   *     identities.*}; {@code null} (or {@code *}) gives the wildcard-only form
   * @throws IllegalStateException for {@link #LIVENESS} (see {@link #requiresPermission()})
   */
  public PermissionQuery requirement(@Nullable String resourceId) {
    return requirement(resourceId, Set.of());
  }

  /**
   * Like {@link #requirement(String)}, plus the checks the handler adds under {@code conditions},
   * e.g. {@code encrypt_key} when {@link Condition#RECOVERABLE}.
   *
   * @throws IllegalArgumentException if {@code resourceId} cannot be part of a permission
   * @throws IllegalStateException for {@link #LIVENESS}
   */
  public PermissionQuery requirement(@Nullable String resourceId, Set<Condition> conditions) {
    return requirement(resourceId, conditions, ResourceIds.none());
  }

  /**
   * Like {@link #requirement(String, Set)}, plus the {@code unkey:v1:} resource-name alternatives
   * the handler also accepts, as extra {@code OR} legs built from {@code ids}, e.g. for {@link
   * #KEYS_DELETE_KEY} on {@code api_1} with {@code ResourceIds.key("ws_1", "ks_1", "key_1")}:
   * {@code api.*.delete_key OR api.api_1.delete_key OR
   * unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#delete_key}. A leg whose ids {@code ids} lacks is left
   * out; operations whose handler has no resource-name leg ignore {@code ids}. {@link
   * PermissionQuery#evaluate} matches the legs with Unkey's wildcard rules.
   *
   * @throws IllegalArgumentException if {@code resourceId} cannot be part of a permission
   * @throws IllegalStateException for {@link #LIVENESS}
   */
  public PermissionQuery requirement(
      @Nullable String resourceId, Set<Condition> conditions, ResourceIds ids) {
    Objects.requireNonNull(conditions, "conditions == null");
    Objects.requireNonNull(ids, "ids == null");
    if (resourceId != null && !resourceId.equals("*")) {
      Requirements.checkResourceId(resourceId);
    }
    Set<Condition> copy = conditions.isEmpty() ? Set.of() : EnumSet.copyOf(conditions);
    return Requirements.of(this, resourceId, copy, ids);
  }

  /**
   * Looks up an operation by wire name, e.g. {@code keys.createKey}.
   *
   * @throws IllegalArgumentException if no operation has that name (the name is not quoted)
   */
  public static Operation fromWireName(String wireName) {
    Objects.requireNonNull(wireName, "wireName == null");
    Operation op = BY_WIRE_NAME.get(wireName);
    if (op == null) {
      throw new IllegalArgumentException(
          "unknown operation wire name; expected e.g. keys.createKey");
    }
    return op;
  }
}
