package dev.keyward.http;

import dev.keyward.Apis;
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

/** {@code apis.*} over HTTP. */
final class HttpApis implements Apis {
  private final Caller caller;

  HttpApis(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CreatedApi create(CreateApiRequest request) {
    return caller.call(WireCodec.codec(Operation.APIS_CREATE_API), request, null);
  }

  @Override
  public ApiInfo get(GetApiRequest request) {
    return caller.call(WireCodec.codec(Operation.APIS_GET_API), request, request.apiId());
  }

  @Override
  public Page<KeyInfo> listKeys(ListKeysRequest request) {
    return caller.call(WireCodec.codec(Operation.APIS_LIST_KEYS), request, request.apiId());
  }

  @Override
  public Ack delete(DeleteApiRequest request) {
    return caller.call(WireCodec.codec(Operation.APIS_DELETE_API), request, request.apiId());
  }
}
