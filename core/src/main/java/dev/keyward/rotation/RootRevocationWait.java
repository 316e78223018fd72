package dev.keyward.rotation;

import dev.keyward.key.Secret;
import dev.keyward.rotation.JournalRecord.Type;
import dev.keyward.waiters.WaitResult;
import dev.keyward.waiters.WaiterTimeoutException;
import dev.keyward.waiters.Waiters;
import java.util.Optional;

/**
 * The step of a {@link RootKeyRotation} after the old key's deletion: wait until calls with it are
 * refused (HTTP 401, several times in a row), since Unkey's revocations take up to a minute to
 * reach every verifier. It only reads, so a resumed plan may run it again; {@link RootSteps}
 * journals the outcome. The old key's plaintext is the one given to {@code oldKey(..)}, else the
 * store's previous value, which held the old key when the plan started (verification refused a
 * store that still holds it); the previous value is deleted only after this step.
 */
final class RootRevocationWait {
  /** What the step found, as the journal record to append (its fields hold no key). */
  record Outcome(Type type, String... fields) {}

  private final RootKeyRotation rotation;
  private final Storage storage;

  RootRevocationWait(RootKeyRotation rotation, Storage storage) {
    this.rotation = rotation;
    this.storage = storage;
  }

  /**
   * The old key as the store kept it: a staged plan's PREVIOUS stage (the value the promoted key
   * replaced), else the backup written before the new key.
   */
  private Optional<Secret> previousValue(RootPlan plan) {
    if (plan.staged && rotation.store instanceof VersionedSecretStore versioned) {
      return versioned
          .readStage(plan.storeName, VersionedSecretStore.Stage.PREVIOUS)
          .map(VersionedSecret::value);
    }
    return plan.hadPrevious ? rotation.store.read(plan.backupName()) : Optional.empty();
  }

  Outcome await(RootPlan plan) throws InterruptedException {
    Optional<Secret> old =
        rotation.oldKey != null ? Optional.of(rotation.oldKey) : previousValue(plan);
    if (old.isEmpty()) {
      return new Outcome(
          Type.REVOCATION_UNCHECKED,
          "key",
          plan.oldKeyId,
          "reason",
          "the old key's plaintext is neither given nor in the store");
    }
    storage.checkpoint("root.awaitRevocation");
    try {
      WaitResult seen =
          Waiters.of(rotation.verifier.clientFor(old.get()))
              .clock(rotation.clock)
              .sleeper(rotation.sleeper)
              .timeout(rotation.revocationTimeout)
              .awaitRootKeyRevoked(old.get());
      return new Outcome(
          Type.REVOCATION_SEEN,
          "key",
          plan.oldKeyId,
          "calls",
          Integer.toString(seen.polls()),
          "waited",
          seen.waited().toString());
    } catch (WaiterTimeoutException e) {
      throw new RotationException(
          plan.planId == null ? "-" : plan.planId,
          "await-revocation",
          "root key "
              + plan.oldKeyId
              + " is deleted but calls with it were still not refused; resume() waits again",
          e);
    }
  }
}
