package dev.keyward;

import dev.keyward.key.Secret;
import dev.keyward.model.Ack;
import dev.keyward.model.AddPermissionsRequest;
import dev.keyward.model.AddRolesRequest;
import dev.keyward.model.AssignedPermissions;
import dev.keyward.model.AssignedRoles;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.DeleteKeyRequest;
import dev.keyward.model.GetKeyRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.MigrateKeysRequest;
import dev.keyward.model.MigrationResult;
import dev.keyward.model.RemovePermissionsRequest;
import dev.keyward.model.RemoveRolesRequest;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.model.SetPermissionsRequest;
import dev.keyward.model.SetRolesRequest;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateKeyRequest;
import dev.keyward.model.UpdatedCredits;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.model.WhoamiRequest;

/** The {@code keys.*} operations: API keys handed to customers. */
public interface Keys {
  /** {@code keys.createKey}: creates a key and returns its plaintext, once. */
  CreatedKey create(CreateKeyRequest request);

  /**
   * {@code keys.verifyKey}: checks a key; rejection is a {@link Verification#code()}, not an
   * exception.
   */
  Verification verify(VerifyKeyRequest request);

  /** {@code keys.verifyKey} with no further checks. */
  default Verification verify(Secret key) {
    return verify(VerifyKeyRequest.of(key));
  }

  /**
   * {@code keys.verifyKey} with no further checks; the string is wrapped as a {@link Secret} at
   * once.
   */
  default Verification verify(String key) {
    return verify(Secret.of(key));
  }

  /** {@code keys.getKey}: reads a key by id. */
  KeyInfo get(GetKeyRequest request);

  /** {@code keys.getKey} without decrypting. */
  default KeyInfo get(String keyId) {
    return get(GetKeyRequest.of(keyId));
  }

  /** {@code keys.whoami}: reads the key whose plaintext this is. */
  KeyInfo whoami(WhoamiRequest request);

  /** {@code keys.whoami} for {@code key}. */
  default KeyInfo whoami(Secret key) {
    return whoami(WhoamiRequest.of(key));
  }

  /** {@code keys.whoami}; the string is wrapped as a {@link Secret} at once. */
  default KeyInfo whoami(String key) {
    return whoami(Secret.of(key));
  }

  /** {@code keys.updateKey}: changes the fields the request sets. */
  Ack update(UpdateKeyRequest request);

  /** {@code keys.updateCredits}: sets, increments or decrements the remaining credits. */
  UpdatedCredits updateCredits(UpdateCreditsRequest request);

  /** {@code keys.deleteKey}: deletes a key (soft, or permanent if asked). */
  Ack delete(DeleteKeyRequest request);

  /** {@code keys.deleteKey}, soft. */
  default Ack delete(String keyId) {
    return delete(DeleteKeyRequest.of(keyId));
  }

  /**
   * {@code keys.rerollKey}: a new key with the same configuration; the old one expires after the
   * grace period.
   */
  CreatedKey reroll(RerollKeyRequest request);

  /** {@code keys.migrateKeys}: imports keys by hash. */
  MigrationResult migrate(MigrateKeysRequest request);

  /** {@code keys.addPermissions}: adds direct permissions. */
  AssignedPermissions addPermissions(AddPermissionsRequest request);

  /** {@code keys.removePermissions}: removes direct permissions. */
  AssignedPermissions removePermissions(RemovePermissionsRequest request);

  /** {@code keys.setPermissions}: replaces the direct permissions. */
  AssignedPermissions setPermissions(SetPermissionsRequest request);

  /** {@code keys.addRoles}: assigns roles. */
  AssignedRoles addRoles(AddRolesRequest request);

  /** {@code keys.removeRoles}: removes roles. */
  AssignedRoles removeRoles(RemoveRolesRequest request);

  /** {@code keys.setRoles}: replaces the roles. */
  AssignedRoles setRoles(SetRolesRequest request);
}
