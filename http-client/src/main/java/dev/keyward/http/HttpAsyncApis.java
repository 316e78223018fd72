package dev.keyward.http;

import dev.keyward.AsyncApis;
import dev.keyward.http.internal.WireCodec;
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
import java.util.concurrent.CompletableFuture;

/** {@code apis.*} over HTTP, asynchronously with OkHttp {@code enqueue}. */
final class HttpAsyncApis implements AsyncApis {
  private final Caller caller;

  HttpAsyncApis(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CompletableFuture<CreatedApi> create(CreateApiRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.APIS_CREATE_API), request, null);
  }

  @Override
  public CompletableFuture<ApiInfo> get(GetApiRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.APIS_GET_API), request, request.apiId());
  }

  @Override
  public CompletableFuture<Page<KeyInfo>> listKeys(ListKeysRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.APIS_LIST_KEYS), request, request.apiId());
  }

  @Override
  public CompletableFuture<Ack> delete(DeleteApiRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.APIS_DELETE_API), request, request.apiId());
  }
}
