package dev.keyward;

import dev.keyward.model.Ack;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreatedIdentity;
import dev.keyward.model.DeleteIdentityRequest;
import dev.keyward.model.GetIdentityRequest;
import dev.keyward.model.Identity;
import dev.keyward.model.ListIdentitiesRequest;
import dev.keyward.model.Page;
import dev.keyward.model.UpdateIdentityRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous {@code identities.*} operations: users or organisations that share keys and rate
 * limits.
 */
public interface AsyncIdentities {
  /** {@code identities.createIdentity}: creates an identity. */
  CompletableFuture<CreatedIdentity> create(CreateIdentityRequest request);

  /** {@code identities.getIdentity}: reads an identity by id or external id. */
  CompletableFuture<Identity> get(GetIdentityRequest request);

  /** {@code identities.getIdentity} by id or external id. */
  default CompletableFuture<Identity> get(String identity) {
    return get(GetIdentityRequest.of(identity));
  }

  /** {@code identities.listIdentities}: one page of identities. */
  CompletableFuture<Page<Identity>> list(ListIdentitiesRequest request);

  /**
   * {@code identities.updateIdentity}: replaces metadata and/or rate limits; returns the updated
   * identity.
   */
  CompletableFuture<Identity> update(UpdateIdentityRequest request);

  /** {@code identities.deleteIdentity}: deletes an identity (its keys stay, unlinked). */
  CompletableFuture<Ack> delete(DeleteIdentityRequest request);

  /** {@code identities.deleteIdentity} by id or external id. */
  default CompletableFuture<Ack> delete(String identity) {
    return delete(DeleteIdentityRequest.of(identity));
  }
}
