package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.util.Optional;

/**
 * The store's rollback of a root-key plan. A direct plan copied the value it replaced to {@code
 * <name>_PREVIOUS} before it wrote the new key, and writes it back; a staged plan never touched
 * CURRENT, and drops its pending version.
 */
final class RootBackup {
  private RootBackup() {}

  /** Restores the value the plan replaced, if it backed one up; does nothing the second time. */
  static void restore(RootKeyRotation rotation, Storage storage, RootPlan plan, String step) {
    if (plan.staged) {
      new RootStaging(rotation, storage).unstage(plan);
      return;
    }
    if (!plan.backedUp) {
      return;
    }
    Optional<Secret> current = rotation.store.read(plan.storeName);
    if (plan.hadPrevious) {
      Secret previous =
          rotation
              .store
              .read(plan.backupName())
              .orElseThrow(
                  () ->
                      new RotationException(
                          plan.planId,
                          step,
                          "the previous value "
                              + plan.backupName()
                              + " is missing from the store"));
      if (current.isEmpty() || !current.get().equals(previous)) {
        storage.checkpoint("store.restore");
        rotation.store.write(plan.storeName, previous);
      }
    } else if (current.isPresent()) {
      storage.checkpoint("store.restore");
      rotation.store.delete(plan.storeName);
    }
  }
}
