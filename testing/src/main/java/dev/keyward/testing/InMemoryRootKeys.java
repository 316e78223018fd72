package dev.keyward.testing;

import dev.keyward.RootKeys;
import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.Ack;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.DeleteRootKeyRequest;
import dev.keyward.model.GetRootKeyRequest;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.Page;
import dev.keyward.model.RerollRootKeyRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.model.UpdateRootKeyRequest;
import dev.keyward.permission.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * keyward's {@code rootKeys.*} extension on a {@link Workspace}; only the bootstrap key may call
 * it.
 */
final class InMemoryRootKeys extends Group implements RootKeys {
  InMemoryRootKeys(Workspace ws, String rootHash, boolean recorded) {
    super(ws, rootHash, recorded);
  }

  private CreatedKey issue(String name, List<String> permissions, String rid) {
    Secret secret = KeyFormat.generate(KeyFormat.ROOT_KEY_PREFIX, 16, ws.random);
    StoredRootKey k =
        new StoredRootKey(ws.newId("key"), secret.hash(), secret.start(), false, ws.now());
    k.name = name;
    k.permissions.addAll(permissions);
    ws.rootKeys.put(k.id, k);
    ws.rootKeysByHash.put(k.hash, k);
    return new CreatedKey(k.id, secret, rid);
  }

  private StoredRootKey find(Operation op, String keyId, String rid) {
    StoredRootKey k = ws.rootKeys.get(keyId);
    if (k == null || k.deletedAt != null) {
      throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified root key was not found.", rid);
    }
    return k;
  }

  private static RootKeyInfo view(StoredRootKey k) {
    return new RootKeyInfo(
        k.id, k.start, k.name, List.copyOf(k.permissions), k.createdAt, k.expires);
  }

  private StoredRootKey admin(Operation op, String rid) {
    StoredRootKey p = principal(op, rid);
    ws.authorize(p, op, null, Set.of(), rid);
    return p;
  }

  @Override
  public CreatedKey create(CreateRootKeyRequest request) {
    Operation op = Operation.ROOT_KEYS_CREATE_ROOT_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      admin(op, rid);
      return issue(request.name(), request.permissions(), rid);
    }
  }

  @Override
  public RootKeyInfo get(GetRootKeyRequest request) {
    Operation op = Operation.ROOT_KEYS_GET_ROOT_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      admin(op, rid);
      return view(find(op, request.keyId(), rid));
    }
  }

  @Override
  public Page<RootKeyInfo> list(ListRootKeysRequest request) {
    Operation op = Operation.ROOT_KEYS_LIST_ROOT_KEYS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      admin(op, rid);
      List<StoredRootKey> live = new ArrayList<>();
      for (StoredRootKey k : ws.rootKeys.values()) {
        if (k.deletedAt == null) {
          live.add(k);
        }
      }
      return page(live, k -> k.id, InMemoryRootKeys::view, request.limit(), request.cursor(), rid);
    }
  }

  @Override
  public Ack update(UpdateRootKeyRequest request) {
    Operation op = Operation.ROOT_KEYS_UPDATE_ROOT_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      admin(op, rid);
      StoredRootKey k = find(op, request.keyId(), rid);
      if (k.bootstrap && request.permissions() != null) {
        throw ErrorCode.PROTECTED_RESOURCE.exception(
            op, "The bootstrap key's permissions cannot change.", rid);
      }
      if (request.name() != null) {
        k.name = request.name();
      }
      if (request.permissions() != null) {
        k.permissions.clear();
        k.permissions.addAll(request.permissions());
      }
      return new Ack(rid);
    }
  }

  @Override
  public CreatedKey reroll(RerollRootKeyRequest request) {
    Operation op = Operation.ROOT_KEYS_REROLL_ROOT_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      admin(op, rid);
      StoredRootKey old = find(op, request.keyId(), rid);
      if (old.bootstrap) {
        throw ErrorCode.PROTECTED_RESOURCE.exception(
            op, "The bootstrap key cannot be rerolled.", rid);
      }
      CreatedKey created = issue(old.name, List.copyOf(old.permissions), rid);
      old.expires = rerollExpiry(request.expiration());
      return created;
    }
  }

  @Override
  public Ack delete(DeleteRootKeyRequest request) {
    Operation op = Operation.ROOT_KEYS_DELETE_ROOT_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      admin(op, rid);
      StoredRootKey k = find(op, request.keyId(), rid);
      if (k.bootstrap) {
        throw ErrorCode.PROTECTED_RESOURCE.exception(
            op, "The bootstrap key cannot be deleted.", rid);
      }
      k.deletedAt = ws.now();
      return new Ack(rid);
    }
  }
}
