package dev.keyward.testing;

import dev.keyward.key.Base58;
import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.Refill;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;
import dev.keyward.permission.Recording;
import dev.keyward.permission.ResourceIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The state of one fake Unkey workspace. Every method runs under {@link #lock}, which callers hold
 * for a whole operation, so operations are atomic and verifications spend credits exactly.
 */
final class Workspace {
  final Object lock = new Object();
  final Clock clock;
  final SecureRandom random;
  final String id;

  final Map<String, StoredApi> apis = new LinkedHashMap<>();
  final Map<String, StoredKey> keys = new LinkedHashMap<>();
  final Map<String, StoredKey> keysByHash = new HashMap<>();
  final Map<String, StoredIdentity> identities = new LinkedHashMap<>();
  final Map<String, StoredIdentity> identitiesByExternalId = new HashMap<>();
  final Map<String, StoredPermission> permissions = new LinkedHashMap<>();
  final Map<String, StoredPermission> permissionsBySlug = new HashMap<>();
  final Map<String, StoredRole> roles = new LinkedHashMap<>();
  final Map<String, StoredRole> rolesByName = new HashMap<>();
  final Map<String, StoredRootKey> rootKeys = new LinkedHashMap<>();
  final Map<String, StoredRootKey> rootKeysByHash = new HashMap<>();
  final Map<String, StoredNamespace> namespaces = new LinkedHashMap<>();
  final RateWindows windows = new RateWindows();
  private final String requestIdPrefix = newId("req") + "x";
  private final java.util.concurrent.atomic.AtomicLong requestCounter =
      new java.util.concurrent.atomic.AtomicLong();
  final StoredRootKey bootstrap;
  final Secret bootstrapSecret;

  /** Every permission check (of recorded views) and every resource created, with its name. */
  final Recording recording = new Recording();

  /**
   * Whether the current operation's checks go into {@link #recording}: set under {@link #lock} by
   * {@link Group#principal} at the start of each operation, which holds the lock until it ends.
   */
  boolean recordChecks = true;

  Workspace(Clock clock, SecureRandom random, @Nullable Secret bootstrapKey) {
    this.clock = clock;
    this.random = random;
    this.id = newId("ws");
    this.bootstrapSecret =
        bootstrapKey != null
            ? bootstrapKey
            : KeyFormat.generate(KeyFormat.ROOT_KEY_PREFIX, 16, random);
    this.bootstrap =
        new StoredRootKey(
            newId("key"), bootstrapSecret.hash(), bootstrapSecret.start(), true, now());
    bootstrap.name = "bootstrap";
    rootKeys.put(bootstrap.id, bootstrap);
    rootKeysByHash.put(bootstrap.hash, bootstrap);
  }

  /**
   * A workspace restored from a snapshot ({@link SnapshotReader}): its id and bootstrap root key,
   * whose hash must be {@code bootstrapSecret}'s; the reader adds everything else.
   */
  Workspace(
      Clock clock,
      SecureRandom random,
      String id,
      StoredRootKey bootstrap,
      Secret bootstrapSecret) {
    this.clock = clock;
    this.random = random;
    this.id = id;
    this.bootstrap = bootstrap;
    this.bootstrapSecret = bootstrapSecret;
    rootKeys.put(bootstrap.id, bootstrap);
    rootKeysByHash.put(bootstrap.hash, bootstrap);
  }

  Instant now() {
    return clock.instant();
  }

  /** An Unkey-style id: {@code prefix_} and 22 base58 characters. */
  String newId(String prefix) {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return prefix + "_" + Base58.encode(bytes);
  }

  /** A unique request id; cheap, because every verification makes one. */
  String requestId() {
    return requestIdPrefix + Long.toHexString(requestCounter.incrementAndGet());
  }

  /** The live root key with this hash, or a 401 as Unkey answers an unknown root key. */
  StoredRootKey authenticate(Operation op, String rootHash, String requestId) {
    StoredRootKey k = rootKeysByHash.get(rootHash);
    // Read the clock only for a key that can expire or was deleted (verify's hot path has neither).
    if (k == null || (k.deletedAt != null || k.expires != null) && !k.live(now())) {
      throw ErrorCode.ROOT_KEY_NOT_FOUND.exception(
          op, "The provided root key is invalid.", requestId);
    }
    return k;
  }

  /**
   * True if {@code principal} may call {@code op} on {@code resourceId} under {@code conditions},
   * without the {@code unkey:v1:} legs (operations whose handler has none).
   */
  boolean allows(
      StoredRootKey principal,
      Operation op,
      @Nullable String resourceId,
      Set<Operation.Condition> conditions) {
    return allows(principal, op, resourceId, conditions, ResourceIds.none());
  }

  /**
   * True if {@code principal} may call {@code op} on {@code resourceId} under {@code conditions},
   * the resource-name legs built from {@code ids}. Every check, the bootstrap key's included, is
   * recorded with the query evaluated (unless the view is unrecorded): this and {@link #authorize},
   * which calls it, are where both fakes check permissions.
   */
  boolean allows(
      StoredRootKey principal,
      Operation op,
      @Nullable String resourceId,
      Set<Operation.Condition> conditions,
      ResourceIds ids) {
    PermissionQuery query = op.requirement(resourceId, conditions, ids);
    boolean allowed = principal.bootstrap || query.evaluate(principal.permissions);
    if (recordChecks) {
      recording.record(Recording.Call.of(principal.id, op, resourceId, query, allowed));
    }
    return allowed;
  }

  /** Like {@link #authorize(StoredRootKey, Operation, String, Set, ResourceIds, String)}. */
  void authorize(
      StoredRootKey principal,
      Operation op,
      @Nullable String resourceId,
      Set<Operation.Condition> conditions,
      String requestId) {
    authorize(principal, op, resourceId, conditions, ResourceIds.none(), requestId);
  }

  /** Throws Unkey's 403 naming what would have been enough, unless {@link #allows}. */
  void authorize(
      StoredRootKey principal,
      Operation op,
      @Nullable String resourceId,
      Set<Operation.Condition> conditions,
      ResourceIds ids,
      String requestId) {
    if (!allows(principal, op, resourceId, conditions, ids)) {
      PermissionQuery missing = op.requirement(resourceId, conditions, ids);
      throw ErrorCode.INSUFFICIENT_PERMISSIONS.exception(
          op, "Missing one of these permissions: " + missing, requestId, List.of(), missing);
    }
  }

  /**
   * The ids of the resource-name legs on {@code api}'s key space ({@code createKey}); none if an id
   * (from a hand-written snapshot) cannot be part of a resource name.
   */
  ResourceIds keyspaceIds(StoredApi api) {
    try {
      return ResourceIds.keyspace(id, api.keySpaceId);
    } catch (IllegalArgumentException e) {
      return ResourceIds.none();
    }
  }

  /** The ids of the resource-name legs on key {@code k}; none if its API is gone. */
  ResourceIds keyIds(StoredKey k) {
    StoredApi api = apis.get(k.apiId);
    if (api == null) {
      return ResourceIds.none();
    }
    try {
      return ResourceIds.key(id, api.keySpaceId, k.id);
    } catch (IllegalArgumentException e) {
      return ResourceIds.none();
    }
  }

  /**
   * True if the principal holds some {@code api.<any>.<action>} permission, or a resource
   * permission ({@code unkey:v1:…}) with that action or {@code *}.
   */
  static boolean hasAnyApiPermission(StoredRootKey principal, String action) {
    if (principal.bootstrap) {
      return true;
    }
    for (String p : principal.permissions) {
      if (p.startsWith("unkey:v1:") && (p.endsWith("#" + action) || p.endsWith("#*"))) {
        return true;
      }
      if (p.startsWith("api.")
          && p.endsWith(action)
          && p.length() > action.length()
          && p.charAt(p.length() - action.length() - 1) == '.') {
        return true;
      }
    }
    return false;
  }

  /** Creates an API with its key space. */
  StoredApi createApi(String name) {
    StoredApi api = new StoredApi(newId("api"), newId("ks"), name, now());
    apis.put(api.id, api);
    recording.created(api.id, name);
    return api;
  }

  /** A live (not deleted) API, or null. */
  @Nullable StoredApi api(String apiId) {
    StoredApi api = apis.get(apiId);
    return api == null || api.deletedAt != null ? null : api;
  }

  /** A key that exists, is not deleted and whose API is not deleted, or null. */
  @Nullable StoredKey liveKey(String keyId) {
    StoredKey k = keys.get(keyId);
    return k == null || k.deleted() || api(k.apiId) == null ? null : k;
  }

  /**
   * Applies a refill whose moment has passed since the last one (Unkey's daily job, done lazily).
   */
  void refill(StoredKey k) {
    Refill refill = k.refill;
    if (refill == null) {
      return;
    }
    Instant now = now();
    Instant last = k.lastRefillAt != null ? k.lastRefillAt : k.createdAt;
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate due;
    if (refill.interval() == Refill.Interval.MONTHLY && refill.refillDay() != null) {
      due = dueInMonth(today, refill.refillDay());
      if (due.isAfter(today)) {
        due = dueInMonth(today.minusMonths(1), refill.refillDay());
      }
    } else {
      due = today;
    }
    Instant dueAt = due.atStartOfDay(ZoneOffset.UTC).toInstant();
    if (last.isBefore(dueAt)) {
      k.remaining = refill.amount();
      k.lastRefillAt = now;
    }
  }

  private static LocalDate dueInMonth(LocalDate inMonth, int refillDay) {
    return inMonth.withDayOfMonth(Math.min(refillDay, inMonth.lengthOfMonth()));
  }

  /** The key's permission slugs: direct ones, then those of its roles, without duplicates. */
  List<String> effectivePermissions(StoredKey k) {
    if (k.permissionIds.isEmpty() && k.roleIds.isEmpty()) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String pid : k.permissionIds) {
      StoredPermission p = permissions.get(pid);
      if (p != null) {
        out.add(p.slug);
      }
    }
    for (String rid : k.roleIds) {
      StoredRole r = roles.get(rid);
      if (r != null) {
        for (String pid : r.permissionIds) {
          StoredPermission p = permissions.get(pid);
          if (p != null) {
            out.add(p.slug);
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The key's directly attached permission slugs. */
  List<String> directPermissions(StoredKey k) {
    List<String> out = new ArrayList<>(k.permissionIds.size());
    for (String pid : k.permissionIds) {
      StoredPermission p = permissions.get(pid);
      if (p != null) {
        out.add(p.slug);
      }
    }
    return out;
  }

  dev.keyward.model.Role roleView(StoredRole r) {
    List<dev.keyward.model.Permission> ps = new ArrayList<>();
    for (String pid : r.permissionIds) {
      StoredPermission p = permissions.get(pid);
      if (p != null) {
        ps.add(p.view());
      }
    }
    return new dev.keyward.model.Role(r.id, r.name, r.description, ps);
  }

  List<String> roleNames(StoredKey k) {
    if (k.roleIds.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(k.roleIds.size());
    for (String rid : k.roleIds) {
      StoredRole r = roles.get(rid);
      if (r != null) {
        out.add(r.name);
      }
    }
    return out;
  }

  /** The key's identity as the port shows it, or null. */
  dev.keyward.model.@Nullable Identity identityOf(StoredKey k) {
    StoredIdentity i = k.identityId == null ? null : identities.get(k.identityId);
    return i == null ? null : i.view();
  }

  /** The identity with this external id, created if new (createKey's upsert). */
  StoredIdentity upsertIdentity(String externalId) {
    StoredIdentity i = identitiesByExternalId.get(externalId);
    if (i == null) {
      i = new StoredIdentity(newId("id"), externalId, now());
      identities.put(i.id, i);
      identitiesByExternalId.put(externalId, i);
      recording.created(i.id, externalId);
    }
    return i;
  }
}
