package dev.keyward.testing;

import dev.keyward.Apis;
import dev.keyward.model.Ack;
import dev.keyward.model.ApiInfo;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreatedApi;
import dev.keyward.model.DeleteApiRequest;
import dev.keyward.model.GetApiRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.Page;
import dev.keyward.permission.Operation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code apis.*} on a {@link Workspace}. */
final class InMemoryApis extends Group implements Apis {
  private final InMemoryKeys keys;

  InMemoryApis(Workspace ws, String rootHash, boolean recorded, InMemoryKeys keys) {
    super(ws, rootHash, recorded);
    this.keys = keys;
  }

  @Override
  public CreatedApi create(CreateApiRequest request) {
    Operation op = Operation.APIS_CREATE_API;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      ws.authorize(p, op, null, Set.of(), rid);
      return new CreatedApi(ws.createApi(request.name()).id, rid);
    }
  }

  private StoredApi api(Operation op, StoredRootKey p, String apiId, String rid, boolean mask) {
    StoredApi api = ws.api(apiId);
    if (api == null || (mask && !ws.allows(p, op, apiId, Set.of()))) {
      throw ErrorCode.API_NOT_FOUND.exception(
          op, "The requested API does not exist or has been deleted.", rid);
    }
    ws.authorize(p, op, apiId, Set.of(), rid);
    return api;
  }

  @Override
  public ApiInfo get(GetApiRequest request) {
    Operation op = Operation.APIS_GET_API;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredApi api = api(op, principal(op, rid), request.apiId(), rid, false);
      return new ApiInfo(api.id, api.name);
    }
  }

  @Override
  public Page<KeyInfo> listKeys(ListKeysRequest request) {
    Operation op = Operation.APIS_LIST_KEYS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      StoredApi api = api(op, p, request.apiId(), rid, true);
      if (request.decrypt()) {
        ws.authorize(p, op, api.id, EnumSet.of(Operation.Condition.DECRYPT), rid);
      }
      String identityId = null;
      if (request.externalId() != null) {
        StoredIdentity i = ws.identitiesByExternalId.get(request.externalId());
        if (i == null) {
          return new Page<>(List.of(), false, null, rid);
        }
        identityId = i.id;
      }
      List<StoredKey> matching = new ArrayList<>();
      for (StoredKey k : ws.keys.values()) {
        if (k.apiId.equals(api.id)
            && !k.deleted()
            && (identityId == null || identityId.equals(k.identityId))) {
          matching.add(k);
        }
      }
      return page(
          matching,
          k -> k.id,
          k -> keys.info(k, request.decrypt()),
          request.limit(),
          request.cursor(),
          rid);
    }
  }

  @Override
  public Ack delete(DeleteApiRequest request) {
    Operation op = Operation.APIS_DELETE_API;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredApi api = api(op, principal(op, rid), request.apiId(), rid, false);
      if (api.deleteProtection) {
        throw ErrorCode.PROTECTED_RESOURCE.exception(
            op, "The API has delete protection enabled; disable it before deleting.", rid);
      }
      api.deletedAt = ws.now();
      for (StoredKey k : ws.keys.values()) {
        if (k.apiId.equals(api.id) && !k.deleted()) {
          k.deletedAt = api.deletedAt;
        }
      }
      return new Ack(rid);
    }
  }
}
