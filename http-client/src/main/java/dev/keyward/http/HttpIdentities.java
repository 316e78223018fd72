package dev.keyward.http;

import dev.keyward.Ack;
import dev.keyward.CreateIdentityRequest;
import dev.keyward.CreatedIdentity;
import dev.keyward.DeleteIdentityRequest;
import dev.keyward.GetIdentityRequest;
import dev.keyward.Identities;
import dev.keyward.Identity;
import dev.keyward.ListIdentitiesRequest;
import dev.keyward.Page;
import dev.keyward.UpdateIdentityRequest;
import dev.keyward.http.internal.WireCodec;
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
