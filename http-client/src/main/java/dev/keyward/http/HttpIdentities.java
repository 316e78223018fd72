package dev.keyward.http;

import dev.keyward.Identities;
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

/** {@code identities.*} over HTTP. */
final class HttpIdentities implements Identities {
  private final Caller caller;

  HttpIdentities(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CreatedIdentity create(CreateIdentityRequest request) {
    return caller.call(WireCodec.codec(Operation.IDENTITIES_CREATE_IDENTITY), request, null);
  }

  @Override
  public Identity get(GetIdentityRequest request) {
    return caller.call(WireCodec.codec(Operation.IDENTITIES_GET_IDENTITY), request, null);
  }

  @Override
  public Page<Identity> list(ListIdentitiesRequest request) {
    return caller.call(WireCodec.codec(Operation.IDENTITIES_LIST_IDENTITIES), request, null);
  }

  @Override
  public Identity update(UpdateIdentityRequest request) {
    return caller.call(WireCodec.codec(Operation.IDENTITIES_UPDATE_IDENTITY), request, null);
  }

  @Override
  public Ack delete(DeleteIdentityRequest request) {
    return caller.call(WireCodec.codec(Operation.IDENTITIES_DELETE_IDENTITY), request, null);
  }
}
