package dev.keyward.http;

import dev.keyward.RootKeys;
import dev.keyward.http.internal.WireCodec;
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

/** {@code rootKeys.*} over HTTP. */
final class HttpRootKeys implements RootKeys {
  private final Caller caller;

  HttpRootKeys(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CreatedKey create(CreateRootKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.ROOT_KEYS_CREATE_ROOT_KEY), request, null);
  }

  @Override
  public RootKeyInfo get(GetRootKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.ROOT_KEYS_GET_ROOT_KEY), request, null);
  }

  @Override
  public Page<RootKeyInfo> list(ListRootKeysRequest request) {
    return caller.call(WireCodec.codec(Operation.ROOT_KEYS_LIST_ROOT_KEYS), request, null);
  }

  @Override
  public Ack update(UpdateRootKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.ROOT_KEYS_UPDATE_ROOT_KEY), request, null);
  }

  @Override
  public CreatedKey reroll(RerollRootKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.ROOT_KEYS_REROLL_ROOT_KEY), request, null);
  }

  @Override
  public Ack delete(DeleteRootKeyRequest request) {
    return caller.call(WireCodec.codec(Operation.ROOT_KEYS_DELETE_ROOT_KEY), request, null);
  }
}
