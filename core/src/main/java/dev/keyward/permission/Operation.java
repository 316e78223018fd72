package dev.keyward.permission;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One constant per Unkey v2 operation keyward speaks (and keyward's {@code rootKeys.*} extension):
 * its wire name, how it may be retried, and the root permissions Unkey's handlers check.
 */
public enum Operation {
  KEYS_ADD_PERMISSIONS("keys.addPermissions", RetryClass.UNSAFE),
  KEYS_ADD_ROLES("keys.addRoles", RetryClass.UNSAFE),
  KEYS_CREATE_KEY("keys.createKey", RetryClass.UNSAFE),
  KEYS_DELETE_KEY("keys.deleteKey", RetryClass.UNSAFE),
  KEYS_GET_KEY("keys.getKey", RetryClass.SAFE),
  KEYS_MIGRATE_KEYS("keys.migrateKeys", RetryClass.UNSAFE),
  KEYS_REMOVE_PERMISSIONS("keys.removePermissions", RetryClass.UNSAFE),
  KEYS_REMOVE_ROLES("keys.removeRoles", RetryClass.UNSAFE),
  KEYS_REROLL_KEY("keys.rerollKey", RetryClass.UNSAFE),
  KEYS_SET_PERMISSIONS("keys.setPermissions", RetryClass.REPLAYABLE),
  KEYS_SET_ROLES("keys.setRoles", RetryClass.REPLAYABLE),
  KEYS_UPDATE_CREDITS("keys.updateCredits", RetryClass.UNSAFE),
  KEYS_UPDATE_KEY("keys.updateKey", RetryClass.REPLAYABLE),
  KEYS_VERIFY_KEY("keys.verifyKey", RetryClass.UNSAFE),
  KEYS_WHOAMI("keys.whoami", RetryClass.SAFE),
  APIS_CREATE_API("apis.createApi", RetryClass.UNSAFE),
  APIS_GET_API("apis.getApi", RetryClass.SAFE),
  APIS_LIST_KEYS("apis.listKeys", RetryClass.SAFE),
  APIS_DELETE_API("apis.deleteApi", RetryClass.UNSAFE),
  PERMISSIONS_CREATE_PERMISSION("permissions.createPermission", RetryClass.UNSAFE),
  PERMISSIONS_GET_PERMISSION("permissions.getPermission", RetryClass.SAFE),
  PERMISSIONS_LIST_PERMISSIONS("permissions.listPermissions", RetryClass.SAFE),
  PERMISSIONS_DELETE_PERMISSION("permissions.deletePermission", RetryClass.UNSAFE),
  PERMISSIONS_CREATE_ROLE("permissions.createRole", RetryClass.UNSAFE),
  PERMISSIONS_GET_ROLE("permissions.getRole", RetryClass.SAFE),
  PERMISSIONS_LIST_ROLES("permissions.listRoles", RetryClass.SAFE),
  PERMISSIONS_DELETE_ROLE("permissions.deleteRole", RetryClass.UNSAFE),
  PERMISSIONS_SET_ROLE_PERMISSIONS("permissions.setRolePermissions", RetryClass.REPLAYABLE),
  IDENTITIES_CREATE_IDENTITY("identities.createIdentity", RetryClass.UNSAFE),
  IDENTITIES_GET_IDENTITY("identities.getIdentity", RetryClass.SAFE),
  IDENTITIES_LIST_IDENTITIES("identities.listIdentities", RetryClass.SAFE),
  IDENTITIES_UPDATE_IDENTITY("identities.updateIdentity", RetryClass.REPLAYABLE),
  IDENTITIES_DELETE_IDENTITY("identities.deleteIdentity", RetryClass.UNSAFE),
  RATELIMIT_LIMIT("ratelimit.limit", RetryClass.UNSAFE),
  RATELIMIT_MULTI_LIMIT("ratelimit.multiLimit", RetryClass.UNSAFE),
  RATELIMIT_SET_OVERRIDE("ratelimit.setOverride", RetryClass.REPLAYABLE),
  RATELIMIT_GET_OVERRIDE("ratelimit.getOverride", RetryClass.SAFE),
  RATELIMIT_LIST_OVERRIDES("ratelimit.listOverrides", RetryClass.SAFE),
  RATELIMIT_DELETE_OVERRIDE("ratelimit.deleteOverride", RetryClass.UNSAFE),
  ANALYTICS_GET_VERIFICATIONS("analytics.getVerifications", RetryClass.SAFE),
  ROOT_KEYS_CREATE_ROOT_KEY("rootKeys.createRootKey", RetryClass.UNSAFE),
  ROOT_KEYS_GET_ROOT_KEY("rootKeys.getRootKey", RetryClass.SAFE),
  ROOT_KEYS_LIST_ROOT_KEYS("rootKeys.listRootKeys", RetryClass.SAFE),
  ROOT_KEYS_UPDATE_ROOT_KEY("rootKeys.updateRootKey", RetryClass.REPLAYABLE),
  ROOT_KEYS_REROLL_ROOT_KEY("rootKeys.rerollRootKey", RetryClass.UNSAFE),
  ROOT_KEYS_DELETE_ROOT_KEY("rootKeys.deleteRootKey", RetryClass.UNSAFE),
  /** {@code GET /v2/liveness}: no authentication. */
  LIVENESS("liveness", RetryClass.SAFE);

  /** How an operation may be retried after an ambiguous failure. This is keyward's only retry table. */
  public enum RetryClass {
    /** Reads: retried after a 5xx or an ambiguous transport failure. */
    SAFE,
    /** Writes that set state absolutely: replaying them converges, so retried like reads. */
    REPLAYABLE,
    /** Everything else: retried only when the request provably never left the client. */
    UNSAFE
  }

  private static final Map<String, Operation> BY_WIRE_NAME = new HashMap<>();

  static {
    for (Operation op : values()) {
      BY_WIRE_NAME.put(op.wireName, op);
    }
  }

  private final String wireName;
  private final RetryClass retryClass;

  Operation(String wireName, RetryClass retryClass) {
    this.wireName = wireName;
    this.retryClass = retryClass;
  }

  /** The name on the wire, e.g. {@code keys.createKey}; the HTTP path is {@code /v2/} + it. */
  public String wireName() {
    return wireName;
  }

  /** The HTTP path, e.g. {@code /v2/keys.createKey}. */
  public String path() {
    return "/v2/" + wireName;
  }

  /**
   * How this operation may be retried. {@link #KEYS_UPDATE_CREDITS} answers {@code UNSAFE}: only its
   * {@code set} form is replayable, which the caller knows from the request.
   */
  public RetryClass retryClass() {
    return retryClass;
  }

  /** True if repeating the call cannot change the outcome (its retry class is not {@code UNSAFE}). */
  public boolean idempotent() {
    return retryClass != RetryClass.UNSAFE;
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
      throw new IllegalArgumentException("unknown operation wire name; expected e.g. keys.createKey");
    }
    return op;
  }
}
