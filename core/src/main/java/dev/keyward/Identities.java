package dev.keyward;

import dev.keyward.model.Ack;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreatedIdentity;
import dev.keyward.model.DeleteIdentityRequest;
import dev.keyward.model.GetIdentityRequest;
import dev.keyward.model.Identity;
import dev.keyward.model.ListIdentitiesRequest;
import dev.keyward.model.Page;
import dev.keyward.model.Pages;
import dev.keyward.model.UpdateIdentityRequest;

/** The {@code identities.*} operations: users or organisations that share keys and rate limits. */
public interface Identities {
  /** {@code identities.createIdentity}: creates an identity. */
  CreatedIdentity create(CreateIdentityRequest request);

  /** {@code identities.getIdentity}: reads an identity by id or external id. */
  Identity get(GetIdentityRequest request);

  /** {@code identities.getIdentity} by id or external id. */
  default Identity get(String identity) {
    return get(GetIdentityRequest.of(identity));
  }

  /** {@code identities.listIdentities}: one page of identities. */
  Page<Identity> list(ListIdentitiesRequest request);

  /** Every identity, fetched lazily page by page from the request's cursor. */
  default Pages<Identity> listAll(ListIdentitiesRequest request) {
    return Pages.iterate(c -> list(c.isPresent() ? request.withCursor(c.get()) : request));
  }

  /**
   * {@code identities.updateIdentity}: replaces metadata and/or rate limits; returns the updated
   * identity.
   */
  Identity update(UpdateIdentityRequest request);

  /** {@code identities.deleteIdentity}: deletes an identity (its keys stay, unlinked). */
  Ack delete(DeleteIdentityRequest request);

  /** {@code identities.deleteIdentity} by id or external id. */
  default Ack delete(String identity) {
    return delete(DeleteIdentityRequest.of(identity));
  }
}
