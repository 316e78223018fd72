package dev.keyward.http;

import dev.keyward.AsyncRootKeys;
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
import java.util.concurrent.CompletableFuture;

/** {@code rootKeys.*} over HTTP, asynchronously with OkHttp {@code enqueue}. */
final class HttpAsyncRootKeys implements AsyncRootKeys {
  private final Caller caller;

  HttpAsyncRootKeys(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CompletableFuture<CreatedKey> create(CreateRootKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.ROOT_KEYS_CREATE_ROOT_KEY), request, null);
  }

  @Override
  public CompletableFuture<RootKeyInfo> get(GetRootKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.ROOT_KEYS_GET_ROOT_KEY), request, null);
  }

  @Override
  public CompletableFuture<Page<RootKeyInfo>> list(ListRootKeysRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.ROOT_KEYS_LIST_ROOT_KEYS), request, null);
  }

  @Override
  public CompletableFuture<Ack> update(UpdateRootKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.ROOT_KEYS_UPDATE_ROOT_KEY), request, null);
  }

  @Override
  public CompletableFuture<CreatedKey> reroll(RerollRootKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.ROOT_KEYS_REROLL_ROOT_KEY), request, null);
  }

  @Override
  public CompletableFuture<Ack> delete(DeleteRootKeyRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.ROOT_KEYS_DELETE_ROOT_KEY), request, null);
  }
}
