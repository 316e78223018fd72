package dev.keyward.http;

import dev.keyward.Ack;
import dev.keyward.CreateRootKeyRequest;
import dev.keyward.CreatedKey;
import dev.keyward.DeleteRootKeyRequest;
import dev.keyward.GetRootKeyRequest;
import dev.keyward.ListRootKeysRequest;
import dev.keyward.Page;
import dev.keyward.RerollRootKeyRequest;
import dev.keyward.RootKeyInfo;
import dev.keyward.RootKeys;
import dev.keyward.UpdateRootKeyRequest;
import dev.keyward.http.internal.WireCodec;
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
