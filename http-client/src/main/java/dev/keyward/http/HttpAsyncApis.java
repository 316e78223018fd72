package dev.keyward.http;

import dev.keyward.Ack;
import dev.keyward.ApiInfo;
import dev.keyward.AsyncApis;
import dev.keyward.CreateApiRequest;
import dev.keyward.CreatedApi;
import dev.keyward.DeleteApiRequest;
import dev.keyward.GetApiRequest;
import dev.keyward.KeyInfo;
import dev.keyward.ListKeysRequest;
import dev.keyward.Page;
import dev.keyward.http.internal.WireCodec;
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
