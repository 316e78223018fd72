package dev.keyward.testing;

import dev.keyward.Identities;
import dev.keyward.model.Ack;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreatedIdentity;
import dev.keyward.model.DeleteIdentityRequest;
import dev.keyward.model.GetIdentityRequest;
import dev.keyward.model.Identity;
import dev.keyward.model.ListIdentitiesRequest;
import dev.keyward.model.Page;
import dev.keyward.model.RateLimit;
import dev.keyward.model.UpdateIdentityRequest;
import dev.keyward.permission.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code identities.*} on a {@link Workspace}: identities are shared by every key linked to them.
 */
final class InMemoryIdentities extends Group implements Identities {
  InMemoryIdentities(Workspace ws, String rootHash, boolean recorded) {
    super(ws, rootHash, recorded);
  }

  @Override
  public CreatedIdentity create(CreateIdentityRequest request) {
    Operation op = Operation.IDENTITIES_CREATE_IDENTITY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      if (ws.identitiesByExternalId.containsKey(request.externalId())) {
        throw ErrorCode.IDENTITY_DUPLICATE.exception(
            op,
            "Identity with externalId \""
                + request.externalId()
                + "\" already exists in this workspace.",
            rid);
      }
      StoredIdentity i = ws.upsertIdentity(request.externalId());
      i.meta = request.meta() == null ? Map.of() : request.meta();
      setRatelimits(i, request.ratelimits());
      return new CreatedIdentity(i.id, rid);
    }
  }

  private void setRatelimits(StoredIdentity i, List<RateLimit> ratelimits) {
    i.ratelimits.clear();
    for (RateLimit rl : ratelimits) {
      i.ratelimits.put(
          rl.name(),
          rl.id() != null
              ? rl
              : new RateLimit(
                  ws.newId("rl"), rl.name(), rl.limit(), rl.duration(), rl.autoApply()));
    }
  }

  /** By identity id or external id, or Unkey's 404; then the permission on that identity. */
  private StoredIdentity find(Operation op, StoredRootKey p, String ref, String rid) {
    StoredIdentity i =
        ws.identities.containsKey(ref)
            ? ws.identities.get(ref)
            : ws.identitiesByExternalId.get(ref);
    if (i == null) {
      throw ErrorCode.IDENTITY_NOT_FOUND.exception(op, "This identity does not exist.", rid);
    }
    ws.authorize(p, op, i.id, Set.of(), rid);
    return i;
  }

  @Override
  public Identity get(GetIdentityRequest request) {
    Operation op = Operation.IDENTITIES_GET_IDENTITY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      return find(op, principal(op, rid), request.identity(), rid).view();
    }
  }

  @Override
  public Page<Identity> list(ListIdentitiesRequest request) {
    Operation op = Operation.IDENTITIES_LIST_IDENTITIES;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      ws.authorize(principal(op, rid), op, null, Set.of(), rid);
      List<StoredIdentity> all =
          ws.identities.values().stream()
              .filter(i -> request.search() == null || i.externalId.contains(request.search()))
              .toList();
      return page(all, i -> i.id, StoredIdentity::view, request.limit(), request.cursor(), rid);
    }
  }

  @Override
  public Identity update(UpdateIdentityRequest request) {
    Operation op = Operation.IDENTITIES_UPDATE_IDENTITY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredIdentity i = find(op, principal(op, rid), request.identity(), rid);
      if (request.meta() != null) {
        i.meta = request.meta();
      }
      if (request.ratelimits() != null) {
        setRatelimits(i, request.ratelimits());
      }
      return i.view();
    }
  }

  @Override
  public Ack delete(DeleteIdentityRequest request) {
    Operation op = Operation.IDENTITIES_DELETE_IDENTITY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredIdentity i = find(op, principal(op, rid), request.identity(), rid);
      ws.identities.remove(i.id);
      ws.identitiesByExternalId.remove(i.externalId);
      for (StoredKey k : ws.keys.values()) {
        if (i.id.equals(k.identityId)) {
          k.identityId = null;
        }
      }
      return new Ack(rid);
    }
  }
}
