package dev.keyward.testing;

import dev.keyward.Keys;
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
import dev.keyward.model.MigrationResult;
import dev.keyward.model.RateLimit;
import dev.keyward.model.RemovePermissionsRequest;
import dev.keyward.model.RemoveRolesRequest;
import dev.keyward.model.RerollKeyRequest;
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
  private final KeyAssignments assignments;
  private final KeyCreation creation;

  InMemoryKeys(Workspace ws, String rootHash, boolean recorded) {
    super(ws, rootHash, recorded);
    this.verifier = new Verifier(ws, rootHash, recorded);
    this.assignments = new KeyAssignments(ws, rootHash, recorded);
    this.creation = new KeyCreation(ws, rootHash, recorded, assignments);
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
    return creation.create(request);
  }

  KeyInfo info(StoredKey key, boolean decrypt) {
    ws.refill(key);
    return KeyInfo.builder(key.id, key.start, key.enabled, key.createdAt)
        .name(key.name)
        .meta(key.meta == null ? Map.of() : key.meta)
        .updatedAt(key.updatedAt)
        .expires(key.expires)
        .credits(
            key.remaining == null && key.refill == null
                ? null
                : new Credits(key.remaining, key.refill))
        .identity(ws.identityOf(key))
        .ratelimits(new ArrayList<>(key.ratelimits.values()))
        .permissions(ws.directPermissions(key))
        .roles(ws.roleNames(key))
        .plaintext(
            decrypt && key.recoverablePlaintext != null
                ? Secret.of(key.recoverablePlaintext)
                : null)
        .build();
  }

  @Override
  public KeyInfo get(GetKeyRequest request) {
    Operation op = Operation.KEYS_GET_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredKey key = ws.liveKey(request.keyId());
      if (key == null) {
        throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
      }
      Set<Operation.Condition> c =
          request.decrypt() ? EnumSet.of(Operation.Condition.DECRYPT) : Set.of();
      ws.authorize(caller, op, key.apiId, c, ws.keyIds(key), rid);
      return info(key, request.decrypt());
    }
  }

  @Override
  public KeyInfo whoami(WhoamiRequest request) {
    Operation op = Operation.KEYS_WHOAMI;
    String rid = ws.requestId();
    String hash = request.key().hash();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredKey key = ws.keysByHash.get(hash);
      if (key == null
          || key.deleted()
          || ws.api(key.apiId) == null
          || !ws.allows(caller, op, key.apiId, Set.of(), ws.keyIds(key))) {
        throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
      }
      return info(key, false);
    }
  }

  @Override
  public Ack update(UpdateKeyRequest request) {
    Operation op = Operation.KEYS_UPDATE_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredKey key = authorizedKey(op, caller, request.keyId(), rid);
      if (request.credits().isSet()) {
        CreditsUpdate cu = request.credits().value();
        Credits probe =
            new Credits(
                cu.remaining().isSet() ? cu.remaining().value() : key.remaining,
                cu.refill().isSet() ? cu.refill().value() : null);
        KeyCreation.checkCredits(op, probe, rid);
      }
      List<StoredRole> roles =
          request.roles() == null ? null : assignments.roles(op, request.roles(), rid);
      if (request.name().isSet()) {
        key.name = request.name().value();
      } else if (request.name().isClear()) {
        key.name = null;
      }
      if (request.externalId().isSet()) {
        key.identityId = ws.upsertIdentity(request.externalId().value()).id;
      } else if (request.externalId().isClear()) {
        key.identityId = null;
      }
      if (request.meta().isSet()) {
        key.meta = request.meta().value();
      } else if (request.meta().isClear()) {
        key.meta = null;
      }
      if (request.expires().isSet()) {
        key.expires = request.expires().value();
      } else if (request.expires().isClear()) {
        key.expires = null;
      }
      if (request.credits().isClear()) {
        key.remaining = null;
        key.refill = null;
      } else if (request.credits().isSet()) {
        CreditsUpdate cu = request.credits().value();
        if (cu.remaining().isSet()) {
          key.remaining = cu.remaining().value();
        } else if (cu.remaining().isClear()) {
          key.remaining = null;
        }
        if (cu.refill().isSet()) {
          key.refill = cu.refill().value();
          key.lastRefillAt = ws.now();
        } else if (cu.refill().isClear()) {
          key.refill = null;
        }
      }
      if (request.ratelimits() != null) {
        key.ratelimits.clear();
        for (RateLimit rl : request.ratelimits()) {
          key.ratelimits.put(rl.name(), creation.withId(rl));
        }
      }
      if (request.enabled() != null) {
        key.enabled = request.enabled();
      }
      if (roles != null) {
        key.roleIds.clear();
        roles.forEach(r -> key.roleIds.add(r.id));
      }
      if (request.permissions() != null) {
        key.permissionIds.clear();
        request.permissions().forEach(s -> key.permissionIds.add(assignments.permissionFor(s).id));
      }
      key.updatedAt = ws.now();
      return new Ack(rid);
    }
  }

  @Override
  public UpdatedCredits updateCredits(UpdateCreditsRequest request) {
    Operation op = Operation.KEYS_UPDATE_CREDITS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredKey key = authorizedKey(op, caller, request.keyId(), rid);
      ws.refill(key);
      Long value = request.value();
      switch (request.operation()) {
        case SET:
          key.remaining = value;
          if (value == null) {
            key.refill = null;
          }
          break;
        case INCREMENT:
        case DECREMENT:
          if (key.remaining == null) {
            throw ErrorCode.INVALID_INPUT.exception(
                op, "Cannot " + request.operation().wireName() + " unlimited credits.", rid);
          }
          long v = value == null ? 0 : value;
          key.remaining =
              request.operation() == UpdateCreditsRequest.CreditOperation.INCREMENT
                  ? key.remaining + v
                  : Math.max(0, key.remaining - v);
          break;
        default:
          throw ErrorCode.INVALID_INPUT.exception(op, "Unknown credit operation.", rid);
      }
      key.updatedAt = ws.now();
      return new UpdatedCredits(new Credits(key.remaining, key.refill), rid);
    }
  }

  @Override
  public Ack delete(DeleteKeyRequest request) {
    Operation op = Operation.KEYS_DELETE_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      StoredKey key = authorizedKey(op, caller, request.keyId(), rid);
      if (request.permanent()) {
        ws.keys.remove(key.id);
        ws.keysByHash.remove(key.hash);
      } else {
        key.deletedAt = ws.now();
      }
      return new Ack(rid);
    }
  }

  @Override
  public CreatedKey reroll(RerollKeyRequest request) {
    return creation.reroll(request);
  }

  @Override
  public MigrationResult migrate(MigrateKeysRequest request) {
    return creation.migrate(request);
  }

  @Override
  public AssignedPermissions addPermissions(AddPermissionsRequest request) {
    return assignments.addPermissions(request);
  }

  @Override
  public AssignedPermissions removePermissions(RemovePermissionsRequest request) {
    return assignments.removePermissions(request);
  }

  @Override
  public AssignedPermissions setPermissions(SetPermissionsRequest request) {
    return assignments.setPermissions(request);
  }

  @Override
  public AssignedRoles addRoles(AddRolesRequest request) {
    return assignments.addRoles(request);
  }

  @Override
  public AssignedRoles removeRoles(RemoveRolesRequest request) {
    return assignments.removeRoles(request);
  }

  @Override
  public AssignedRoles setRoles(SetRolesRequest request) {
    return assignments.setRoles(request);
  }
}
