package dev.keyward.http;

import dev.keyward.AsyncIdentities;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.model.Ack;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreatedIdentity;
import dev.keyward.model.DeleteIdentityRequest;
import dev.keyward.model.GetIdentityRequest;
import dev.keyward.model.Identity;
import dev.keyward.model.ListIdentitiesRequest;
import dev.keyward.model.Page;
import dev.keyward.model.UpdateIdentityRequest;
import dev.keyward.permission.Operation;
import java.util.concurrent.CompletableFuture;

/** {@code identities.*} over HTTP, asynchronously with OkHttp {@code enqueue}. */
final class HttpAsyncIdentities implements AsyncIdentities {
  private final Caller caller;

  HttpAsyncIdentities(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CompletableFuture<CreatedIdentity> create(CreateIdentityRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_CREATE_IDENTITY), request, null);
  }

  @Override
  public CompletableFuture<Identity> get(GetIdentityRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_GET_IDENTITY), request, null);
  }

  @Override
  public CompletableFuture<Page<Identity>> list(ListIdentitiesRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_LIST_IDENTITIES), request, null);
  }

  @Override
  public CompletableFuture<Identity> update(UpdateIdentityRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_UPDATE_IDENTITY), request, null);
  }

  @Override
  public CompletableFuture<Ack> delete(DeleteIdentityRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.IDENTITIES_DELETE_IDENTITY), request, null);
  }
}
