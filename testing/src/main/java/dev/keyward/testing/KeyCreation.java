package dev.keyward.testing;

import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.MigrateKeysRequest;
import dev.keyward.model.MigratedKey;
import dev.keyward.model.MigrationResult;
import dev.keyward.model.RateLimit;
import dev.keyward.model.Refill;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.permission.Operation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The operations that issue new keys: {@code keys.createKey}, {@code keys.rerollKey} and {@code
 * keys.migrateKeys}, with the credit and rate-limit checks they share with {@code keys.updateKey}.
 */
final class KeyCreation extends Group {
  private final KeyAssignments assignments;

  KeyCreation(Workspace ws, String rootHash, boolean recorded, KeyAssignments assignments) {
    super(ws, rootHash, recorded);
    this.assignments = assignments;
  }

  CreatedKey create(CreateKeyRequest request) {
    Operation op = Operation.KEYS_CREATE_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
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
      if (!ws.allows(caller, op, api.id, Set.of(), ws.keyspaceIds(api))) {
        throw ErrorCode.API_NOT_FOUND.exception(op, "The specified API was not found.", rid);
      }
      ws.authorize(caller, op, api.id, conditions, ws.keyspaceIds(api), rid);
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
      StoredKey key =
          new StoredKey(ws.newId("key"), api.id, secret.hash(), secret.start(), ws.now());
      key.name = request.name();
      key.meta = request.meta();
      key.expires = request.expires();
      key.enabled = request.enabled() == null || request.enabled();
      if (credits != null) {
        key.remaining = credits.remaining();
        key.refill = credits.refill();
      }
      if (request.externalId() != null) {
        key.identityId = ws.upsertIdentity(request.externalId()).id;
      }
      for (RateLimit rl : request.ratelimits()) {
        key.ratelimits.put(rl.name(), withId(rl));
      }
      for (String slug : request.permissions()) {
        key.permissionIds.add(assignments.permissionFor(slug).id);
      }
      for (StoredRole role : roles) {
        key.roleIds.add(role.id);
      }
      if (Boolean.TRUE.equals(request.recoverable())) {
        key.recoverablePlaintext = secret.reveal();
      }
      ws.keys.put(key.id, key);
      ws.keysByHash.put(key.hash, key);
      return new CreatedKey(key.id, secret, rid);
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
    Refill refill = credits.refill();
    if (refill.interval() == Refill.Interval.MONTHLY && refill.refillDay() == null) {
      throw ErrorCode.INVALID_INPUT.exception(
          op, "`refillDay` must be provided when the refill interval is `monthly`.", rid);
    }
  }

  RateLimit withId(RateLimit rl) {
    return rl.id() != null
        ? rl
        : new RateLimit(ws.newId("rl"), rl.name(), rl.limit(), rl.duration(), rl.autoApply());
  }

  CreatedKey reroll(RerollKeyRequest request) {
    Operation op = Operation.KEYS_REROLL_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredKey old = ws.liveKey(request.keyId());
      if (old == null) {
        throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
      }
      Set<Operation.Condition> c =
          old.recoverablePlaintext != null ? EnumSet.of(Operation.Condition.RECOVERABLE) : Set.of();
      ws.authorize(caller, op, old.apiId, c, ws.keyIds(old), rid);
      int underscore = old.start.indexOf('_');
      String prefix = underscore > 0 ? old.start.substring(0, underscore) : null;
      Secret secret = KeyFormat.generate(prefix, KeyFormat.DEFAULT_BYTE_LENGTH, ws.random);
      StoredKey successor =
          new StoredKey(ws.newId("key"), old.apiId, secret.hash(), secret.start(), ws.now());
      successor.name = old.name;
      successor.meta = old.meta;
      successor.identityId = old.identityId;
      successor.expires = old.expires;
      successor.enabled = old.enabled;
      successor.remaining = old.remaining;
      successor.refill = old.refill;
      successor.lastRefillAt = old.lastRefillAt;
      for (RateLimit rl : old.ratelimits.values()) {
        successor.ratelimits.put(
            rl.name(),
            new RateLimit(ws.newId("rl"), rl.name(), rl.limit(), rl.duration(), rl.autoApply()));
      }
      successor.permissionIds.addAll(old.permissionIds);
      successor.roleIds.addAll(old.roleIds);
      if (old.recoverablePlaintext != null) {
        successor.recoverablePlaintext = secret.reveal();
      }
      ws.keys.put(successor.id, successor);
      ws.keysByHash.put(successor.hash, successor);
      old.expires = rerollExpiry(request.expiration());
      old.updatedAt = ws.now();
      return new CreatedKey(successor.id, secret, rid);
    }
  }

  MigrationResult migrate(MigrateKeysRequest request) {
    Operation op = Operation.KEYS_MIGRATE_KEYS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredApi api = ws.api(request.apiId());
      if (api == null || !ws.allows(caller, op, request.apiId(), Set.of())) {
        throw ErrorCode.API_NOT_FOUND.exception(op, "The specified API was not found.", rid);
      }
      List<MigrationResult.Migrated> migrated = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (MigratedKey m : request.keys()) {
        if (ws.keysByHash.containsKey(m.hash())) {
          failed.add(m.hash());
          continue;
        }
        List<StoredRole> roles = assignments.roles(op, m.roles(), rid);
        checkCredits(op, m.credits(), rid);
        StoredKey key = new StoredKey(ws.newId("key"), api.id, m.hash(), "", ws.now());
        key.name = m.name();
        key.meta = m.meta();
        key.expires = m.expires();
        key.enabled = m.enabled() == null || m.enabled();
        if (m.credits() != null) {
          key.remaining = m.credits().remaining();
          key.refill = m.credits().refill();
        }
        if (m.externalId() != null) {
          key.identityId = ws.upsertIdentity(m.externalId()).id;
        }
        m.ratelimits().forEach(rl -> key.ratelimits.put(rl.name(), withId(rl)));
        m.permissions().forEach(s -> key.permissionIds.add(assignments.permissionFor(s).id));
        roles.forEach(r -> key.roleIds.add(r.id));
        ws.keys.put(key.id, key);
        ws.keysByHash.put(key.hash, key);
        migrated.add(new MigrationResult.Migrated(m.hash(), key.id));
      }
      return new MigrationResult(migrated, failed, rid);
    }
  }
}
