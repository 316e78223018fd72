package dev.keyward.testing;

import dev.keyward.Keys;
import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.Ack;
import dev.keyward.model.AddPermissionsRequest;
import dev.keyward.model.AddRolesRequest;
import dev.keyward.model.AssignedPermissions;
import dev.keyward.model.AssignedRoles;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.CreditsUpdate;
import dev.keyward.model.DeleteKeyRequest;
import dev.keyward.model.GetKeyRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.MigrateKeysRequest;
import dev.keyward.model.MigratedKey;
import dev.keyward.model.MigrationResult;
import dev.keyward.model.Permission;
import dev.keyward.model.RateLimit;
import dev.keyward.model.Refill;
import dev.keyward.model.RemovePermissionsRequest;
import dev.keyward.model.RemoveRolesRequest;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.model.Role;
import dev.keyward.model.SetPermissionsRequest;
import dev.keyward.model.SetRolesRequest;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.UpdatedCredits;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.model.WhoamiRequest;
import dev.keyward.permission.Operation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code keys.*} on a {@link Workspace}, authenticated as one root key. */
final class InMemoryKeys extends Group implements Keys {
  private final Verifier verifier;

  InMemoryKeys(Workspace ws, String rootHash) {
    super(ws, rootHash);
    this.verifier = new Verifier(ws, rootHash);
  }

  @Override
  public Verification verify(VerifyKeyRequest request) {
    return verifier.verify(request);
  }

  /**
   * Skips building a request: Secret.of already enforces the request builder's limits on the key.
   */
  @Override
  public Verification verify(Secret key) {
    return verifier.verify(Objects.requireNonNull(key, "key == null"), null, null, List.of());
  }

  @Override
  public Verification verify(String key) {
    return verify(Secret.of(key));
  }

  @Override
  public CreatedKey create(CreateKeyRequest request) {
    Operation op = Operation.KEYS_CREATE_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredApi api = ws.api(request.apiId());
      if (api == null) {
        throw ErrorCode.API_NOT_FOUND.exception(op, "The specified API was not found.", rid);
      }
      Set<Operation.Condition> conditions = EnumSet.noneOf(Operation.Condition.class);
      if (Boolean.TRUE.equals(request.recoverable())) {
        conditions.add(Operation.Condition.RECOVERABLE);
      }
      for (String slug : request.permissions()) {
        if (!ws.permissionsBySlug.containsKey(slug)) {
          conditions.add(Operation.Condition.NEW_PERMISSION_SLUG);
        }
      }
      if (!ws.allows(p, op, api.id, Set.of())) {
        throw ErrorCode.API_NOT_FOUND.exception(op, "The specified API was not found.", rid);
      }
      ws.authorize(p, op, api.id, conditions, rid);
      Credits credits = request.credits();
      checkCredits(op, credits, rid);
      List<StoredRole> roles = new ArrayList<>();
      for (String name : request.roles()) {
        StoredRole role = ws.rolesByName.get(name);
        if (role == null) {
          throw ErrorCode.ROLE_NOT_FOUND.exception(op, "Role '" + name + "' was not found.", rid);
        }
        roles.add(role);
      }
      int bytes =
          request.byteLength() != null ? request.byteLength() : KeyFormat.DEFAULT_BYTE_LENGTH;
      Secret secret = KeyFormat.generate(request.prefix(), bytes, ws.random);
      StoredKey k = new StoredKey(ws.newId("key"), api.id, secret.hash(), secret.start(), ws.now());
      k.name = request.name();
      k.meta = request.meta();
      k.expires = request.expires();
      k.enabled = request.enabled() == null || request.enabled();
      if (credits != null) {
        k.remaining = credits.remaining();
        k.refill = credits.refill();
      }
      if (request.externalId() != null) {
        k.identityId = ws.upsertIdentity(request.externalId()).id;
      }
      for (RateLimit rl : request.ratelimits()) {
        k.ratelimits.put(rl.name(), withId(rl));
      }
      for (String slug : request.permissions()) {
        k.permissionIds.add(permissionFor(slug).id);
      }
      for (StoredRole role : roles) {
        k.roleIds.add(role.id);
      }
      if (Boolean.TRUE.equals(request.recoverable())) {
        k.recoverablePlaintext = secret.reveal();
      }
      ws.keys.put(k.id, k);
      ws.keysByHash.put(k.hash, k);
      return new CreatedKey(k.id, secret, rid);
    }
  }

  static void checkCredits(Operation op, Credits credits, String rid) {
    if (credits == null || credits.refill() == null) {
      return;
    }
    if (credits.remaining() == null) {
      throw ErrorCode.INVALID_INPUT.exception(
          op, "`credits.remaining` must be provided when `credits.refill` is set.", rid);
    }
    Refill r = credits.refill();
    if (r.interval() == Refill.Interval.MONTHLY && r.refillDay() == null) {
      throw ErrorCode.INVALID_INPUT.exception(
          op, "`refillDay` must be provided when the refill interval is `monthly`.", rid);
    }
  }

  RateLimit withId(RateLimit rl) {
    return rl.id() != null
        ? rl
        : new RateLimit(ws.newId("rl"), rl.name(), rl.limit(), rl.duration(), rl.autoApply());
  }

  /**
   * The permission with this slug, created if new (createKey and addPermissions create missing
   * slugs).
   */
  StoredPermission permissionFor(String slug) {
    StoredPermission p = ws.permissionsBySlug.get(slug);
    if (p == null) {
      p = new StoredPermission(ws.newId("perm"), slug, slug, null, ws.now());
      ws.permissions.put(p.id, p);
      ws.permissionsBySlug.put(slug, p);
    }
    return p;
  }

  /** A live key, or Unkey's 404; then checks {@code op}'s permission on the key's API (403). */
  StoredKey key(Operation op, StoredRootKey p, String keyId, String rid) {
    StoredKey k = ws.liveKey(keyId);
    if (k == null) {
      throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
    }
    ws.authorize(p, op, k.apiId, Set.of(), rid);
    return k;
  }

  KeyInfo info(StoredKey k, boolean decrypt) {
    ws.refill(k);
    return KeyInfo.builder(k.id, k.start, k.enabled, k.createdAt)
        .name(k.name)
        .meta(k.meta == null ? Map.of() : k.meta)
        .updatedAt(k.updatedAt)
        .expires(k.expires)
        .credits(
            k.remaining == null && k.refill == null ? null : new Credits(k.remaining, k.refill))
        .identity(ws.identityOf(k))
        .ratelimits(new ArrayList<>(k.ratelimits.values()))
        .permissions(ws.directPermissions(k))
        .roles(ws.roleNames(k))
        .plaintext(
            decrypt && k.recoverablePlaintext != null ? Secret.of(k.recoverablePlaintext) : null)
        .build();
  }

  @Override
  public KeyInfo get(GetKeyRequest request) {
    Operation op = Operation.KEYS_GET_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredKey k = ws.liveKey(request.keyId());
      if (k == null) {
        throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
      }
      Set<Operation.Condition> c =
          request.decrypt() ? EnumSet.of(Operation.Condition.DECRYPT) : Set.of();
      ws.authorize(p, op, k.apiId, c, rid);
      return info(k, request.decrypt());
    }
  }

  @Override
  public KeyInfo whoami(WhoamiRequest request) {
    Operation op = Operation.KEYS_WHOAMI;
    String rid = ws.requestId();
    String hash = request.key().hash();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredKey k = ws.keysByHash.get(hash);
      if (k == null
          || k.deleted()
          || ws.api(k.apiId) == null
          || !ws.allows(p, op, k.apiId, Set.of())) {
        throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
      }
      return info(k, false);
    }
  }

  @Override
  public Ack update(UpdateKeyRequest request) {
    Operation op = Operation.KEYS_UPDATE_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredKey k = key(op, p, request.keyId(), rid);
      if (request.credits().isSet()) {
        CreditsUpdate cu = request.credits().value();
        Credits probe =
            new Credits(
                cu.remaining().isSet() ? cu.remaining().value() : k.remaining,
                cu.refill().isSet() ? cu.refill().value() : null);
        checkCredits(op, probe, rid);
      }
      List<StoredRole> roles = request.roles() == null ? null : roles(op, request.roles(), rid);
      if (request.name().isSet()) {
        k.name = request.name().value();
      } else if (request.name().isClear()) {
        k.name = null;
      }
      if (request.externalId().isSet()) {
        k.identityId = ws.upsertIdentity(request.externalId().value()).id;
      } else if (request.externalId().isClear()) {
        k.identityId = null;
      }
      if (request.meta().isSet()) {
        k.meta = request.meta().value();
      } else if (request.meta().isClear()) {
        k.meta = null;
      }
      if (request.expires().isSet()) {
        k.expires = request.expires().value();
      } else if (request.expires().isClear()) {
        k.expires = null;
      }
      if (request.credits().isClear()) {
        k.remaining = null;
        k.refill = null;
      } else if (request.credits().isSet()) {
        CreditsUpdate cu = request.credits().value();
        if (cu.remaining().isSet()) {
          k.remaining = cu.remaining().value();
        } else if (cu.remaining().isClear()) {
          k.remaining = null;
        }
        if (cu.refill().isSet()) {
          k.refill = cu.refill().value();
          k.lastRefillAt = ws.now();
        } else if (cu.refill().isClear()) {
          k.refill = null;
        }
      }
      if (request.ratelimits() != null) {
        k.ratelimits.clear();
        for (RateLimit rl : request.ratelimits()) {
          k.ratelimits.put(rl.name(), withId(rl));
        }
      }
      if (request.enabled() != null) {
        k.enabled = request.enabled();
      }
      if (roles != null) {
        k.roleIds.clear();
        roles.forEach(r -> k.roleIds.add(r.id));
      }
      if (request.permissions() != null) {
        k.permissionIds.clear();
        request.permissions().forEach(s -> k.permissionIds.add(permissionFor(s).id));
      }
      k.updatedAt = ws.now();
      return new Ack(rid);
    }
  }

  @Override
  public UpdatedCredits updateCredits(UpdateCreditsRequest request) {
    Operation op = Operation.KEYS_UPDATE_CREDITS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredKey k = key(op, p, request.keyId(), rid);
      ws.refill(k);
      Long value = request.value();
      switch (request.operation()) {
        case SET:
          k.remaining = value;
          if (value == null) {
            k.refill = null;
          }
          break;
        case INCREMENT:
        case DECREMENT:
          if (k.remaining == null) {
            throw ErrorCode.INVALID_INPUT.exception(
                op, "Cannot " + request.operation().wireName() + " unlimited credits.", rid);
          }
          long v = value == null ? 0 : value;
          k.remaining =
              request.operation() == UpdateCreditsRequest.CreditOperation.INCREMENT
                  ? k.remaining + v
                  : Math.max(0, k.remaining - v);
          break;
        default:
          throw ErrorCode.INVALID_INPUT.exception(op, "Unknown credit operation.", rid);
      }
      k.updatedAt = ws.now();
      return new UpdatedCredits(new Credits(k.remaining, k.refill), rid);
    }
  }

  @Override
  public Ack delete(DeleteKeyRequest request) {
    Operation op = Operation.KEYS_DELETE_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredKey k = key(op, p, request.keyId(), rid);
      if (request.permanent()) {
        ws.keys.remove(k.id);
        ws.keysByHash.remove(k.hash);
      } else {
        k.deletedAt = ws.now();
      }
      return new Ack(rid);
    }
  }

  @Override
  public CreatedKey reroll(RerollKeyRequest request) {
    Operation op = Operation.KEYS_REROLL_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredKey old = ws.liveKey(request.keyId());
      if (old == null) {
        throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
      }
      Set<Operation.Condition> c =
          old.recoverablePlaintext != null ? EnumSet.of(Operation.Condition.RECOVERABLE) : Set.of();
      ws.authorize(p, op, old.apiId, c, rid);
      int underscore = old.start.indexOf('_');
      String prefix = underscore > 0 ? old.start.substring(0, underscore) : null;
      Secret secret = KeyFormat.generate(prefix, KeyFormat.DEFAULT_BYTE_LENGTH, ws.random);
      StoredKey k =
          new StoredKey(ws.newId("key"), old.apiId, secret.hash(), secret.start(), ws.now());
      k.name = old.name;
      k.meta = old.meta;
      k.identityId = old.identityId;
      k.expires = old.expires;
      k.enabled = old.enabled;
      k.remaining = old.remaining;
      k.refill = old.refill;
      k.lastRefillAt = old.lastRefillAt;
      for (RateLimit rl : old.ratelimits.values()) {
        k.ratelimits.put(
            rl.name(),
            new RateLimit(ws.newId("rl"), rl.name(), rl.limit(), rl.duration(), rl.autoApply()));
      }
      k.permissionIds.addAll(old.permissionIds);
      k.roleIds.addAll(old.roleIds);
      if (old.recoverablePlaintext != null) {
        k.recoverablePlaintext = secret.reveal();
      }
      ws.keys.put(k.id, k);
      ws.keysByHash.put(k.hash, k);
      old.expires = rerollExpiry(request.expiration());
      old.updatedAt = ws.now();
      return new CreatedKey(k.id, secret, rid);
    }
  }

  @Override
  public MigrationResult migrate(MigrateKeysRequest request) {
    Operation op = Operation.KEYS_MIGRATE_KEYS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredApi api = ws.api(request.apiId());
      if (api == null || !ws.allows(p, op, request.apiId(), Set.of())) {
        throw ErrorCode.API_NOT_FOUND.exception(op, "The specified API was not found.", rid);
      }
      List<MigrationResult.Migrated> migrated = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (MigratedKey m : request.keys()) {
        if (ws.keysByHash.containsKey(m.hash())) {
          failed.add(m.hash());
          continue;
        }
        List<StoredRole> roles = roles(op, m.roles(), rid);
        checkCredits(op, m.credits(), rid);
        StoredKey k = new StoredKey(ws.newId("key"), api.id, m.hash(), "", ws.now());
        k.name = m.name();
        k.meta = m.meta();
        k.expires = m.expires();
        k.enabled = m.enabled() == null || m.enabled();
        if (m.credits() != null) {
          k.remaining = m.credits().remaining();
          k.refill = m.credits().refill();
        }
        if (m.externalId() != null) {
          k.identityId = ws.upsertIdentity(m.externalId()).id;
        }
        m.ratelimits().forEach(rl -> k.ratelimits.put(rl.name(), withId(rl)));
        m.permissions().forEach(s -> k.permissionIds.add(permissionFor(s).id));
        roles.forEach(r -> k.roleIds.add(r.id));
        ws.keys.put(k.id, k);
        ws.keysByHash.put(k.hash, k);
        migrated.add(new MigrationResult.Migrated(m.hash(), k.id));
      }
      return new MigrationResult(migrated, failed, rid);
    }
  }

  /** Roles by id or name, or Unkey's 404 for the first unknown one. */
  List<StoredRole> roles(Operation op, List<String> refs, String rid) {
    List<StoredRole> out = new ArrayList<>();
    for (String ref : refs) {
      StoredRole r = ws.roles.containsKey(ref) ? ws.roles.get(ref) : ws.rolesByName.get(ref);
      if (r == null) {
        throw ErrorCode.ROLE_NOT_FOUND.exception(op, "Role '" + ref + "' was not found.", rid);
      }
      out.add(r);
    }
    return out;
  }

  private StoredPermission existingPermission(Operation op, String ref, String rid) {
    StoredPermission sp =
        ws.permissions.containsKey(ref) ? ws.permissions.get(ref) : ws.permissionsBySlug.get(ref);
    if (sp == null) {
      throw ErrorCode.PERMISSION_NOT_FOUND.exception(
          op, "Permission '" + ref + "' was not found.", rid);
    }
    return sp;
  }

  private AssignedPermissions editPermissions(
      Operation op, String keyId, List<String> refs, int mode) {
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredKey k = ws.liveKey(keyId);
      if (k == null) {
        throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
      }
      Set<Operation.Condition> c = EnumSet.noneOf(Operation.Condition.class);
      if (mode != 0) {
        for (String ref : refs) {
          if (!ws.permissions.containsKey(ref) && !ws.permissionsBySlug.containsKey(ref)) {
            c.add(Operation.Condition.NEW_PERMISSION_SLUG);
          }
        }
      }
      ws.authorize(p, op, k.apiId, c, rid);
      if (mode == 0) {
        List<StoredPermission> remove = new ArrayList<>();
        refs.forEach(ref -> remove.add(existingPermission(op, ref, rid)));
        remove.forEach(sp -> k.permissionIds.remove(sp.id));
      } else {
        List<String> ids = new ArrayList<>();
        refs.forEach(ref -> ids.add(ws.permissions.containsKey(ref) ? ref : permissionFor(ref).id));
        if (mode == 2) {
          k.permissionIds.clear();
        }
        k.permissionIds.addAll(ids);
      }
      k.updatedAt = ws.now();
      List<Permission> out = new ArrayList<>();
      k.permissionIds.forEach(id -> out.add(ws.permissions.get(id).view()));
      return new AssignedPermissions(out, rid);
    }
  }

  @Override
  public AssignedPermissions addPermissions(AddPermissionsRequest request) {
    return editPermissions(
        Operation.KEYS_ADD_PERMISSIONS, request.keyId(), request.permissions(), 1);
  }

  @Override
  public AssignedPermissions removePermissions(RemovePermissionsRequest request) {
    return editPermissions(
        Operation.KEYS_REMOVE_PERMISSIONS, request.keyId(), request.permissions(), 0);
  }

  @Override
  public AssignedPermissions setPermissions(SetPermissionsRequest request) {
    return editPermissions(
        Operation.KEYS_SET_PERMISSIONS, request.keyId(), request.permissions(), 2);
  }

  private AssignedRoles editRoles(Operation op, String keyId, List<String> refs, int mode) {
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredKey k = key(op, p, keyId, rid);
      List<StoredRole> roles = roles(op, refs, rid);
      if (mode == 2) {
        k.roleIds.clear();
      }
      for (StoredRole r : roles) {
        if (mode == 0) {
          k.roleIds.remove(r.id);
        } else {
          k.roleIds.add(r.id);
        }
      }
      k.updatedAt = ws.now();
      List<Role> out = new ArrayList<>();
      k.roleIds.forEach(id -> out.add(ws.roleView(ws.roles.get(id))));
      return new AssignedRoles(out, rid);
    }
  }

  @Override
  public AssignedRoles addRoles(AddRolesRequest request) {
    return editRoles(Operation.KEYS_ADD_ROLES, request.keyId(), request.roles(), 1);
  }

  @Override
  public AssignedRoles removeRoles(RemoveRolesRequest request) {
    return editRoles(Operation.KEYS_REMOVE_ROLES, request.keyId(), request.roles(), 0);
  }

  @Override
  public AssignedRoles setRoles(SetRolesRequest request) {
    return editRoles(Operation.KEYS_SET_ROLES, request.keyId(), request.roles(), 2);
  }
}
