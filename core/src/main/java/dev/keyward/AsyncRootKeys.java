package dev.keyward;

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
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous: keyward's {@code rootKeys.*} extension: root-key management in Unkey's wire style.
 * Unkey's hosted service manages root keys in its dashboard and answers 404 here.
 */
public interface AsyncRootKeys {
  /** {@code rootKeys.createRootKey}: creates a root key and returns its plaintext, once. */
  CompletableFuture<CreatedKey> create(CreateRootKeyRequest request);

  /** {@code rootKeys.getRootKey}: reads a root key (never its plaintext). */
  CompletableFuture<RootKeyInfo> get(GetRootKeyRequest request);

  /** {@code rootKeys.getRootKey} by id. */
  default CompletableFuture<RootKeyInfo> get(String keyId) {
    return get(GetRootKeyRequest.of(keyId));
  }

  /** {@code rootKeys.listRootKeys}: one page of root keys. */
  CompletableFuture<Page<RootKeyInfo>> list(ListRootKeysRequest request);

  /** {@code rootKeys.updateRootKey}: renames and/or replaces permissions. */
  CompletableFuture<Ack> update(UpdateRootKeyRequest request);

  /** {@code rootKeys.rerollRootKey}: a new root key with the same permissions. */
  CompletableFuture<CreatedKey> reroll(RerollRootKeyRequest request);

  /** {@code rootKeys.deleteRootKey}: revokes a root key. */
  CompletableFuture<Ack> delete(DeleteRootKeyRequest request);

  /** {@code rootKeys.deleteRootKey} by id. */
  default CompletableFuture<Ack> delete(String keyId) {
    return delete(DeleteRootKeyRequest.of(keyId));
  }
}
