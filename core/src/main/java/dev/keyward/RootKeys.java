package dev.keyward;

import dev.keyward.model.Ack;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.DeleteRootKeyRequest;
import dev.keyward.model.GetRootKeyRequest;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.Page;
import dev.keyward.model.Pages;
import dev.keyward.model.RerollRootKeyRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.model.UpdateRootKeyRequest;

/**
 * keyward's {@code rootKeys.*} extension: root-key management in Unkey's wire style. Unkey's hosted
 * service manages root keys in its dashboard and answers 404 here.
 */
public interface RootKeys {
  /** {@code rootKeys.createRootKey}: creates a root key and returns its plaintext, once. */
  CreatedKey create(CreateRootKeyRequest request);

  /** {@code rootKeys.getRootKey}: reads a root key (never its plaintext). */
  RootKeyInfo get(GetRootKeyRequest request);

  /** {@code rootKeys.getRootKey} by id. */
  default RootKeyInfo get(String keyId) {
    return get(GetRootKeyRequest.of(keyId));
  }

  /** {@code rootKeys.listRootKeys}: one page of root keys. */
  Page<RootKeyInfo> list(ListRootKeysRequest request);

  /** Every root key, fetched lazily page by page from the request's cursor. */
  default Pages<RootKeyInfo> listAll(ListRootKeysRequest request) {
    return Pages.iterate(c -> list(c.isPresent() ? request.withCursor(c.get()) : request));
  }

  /** {@code rootKeys.updateRootKey}: renames and/or replaces permissions. */
  Ack update(UpdateRootKeyRequest request);

  /** {@code rootKeys.rerollRootKey}: a new root key with the same permissions. */
  CreatedKey reroll(RerollRootKeyRequest request);

  /** {@code rootKeys.deleteRootKey}: revokes a root key. */
  Ack delete(DeleteRootKeyRequest request);

  /** {@code rootKeys.deleteRootKey} by id. */
  default Ack delete(String keyId) {
    return delete(DeleteRootKeyRequest.of(keyId));
  }
}
