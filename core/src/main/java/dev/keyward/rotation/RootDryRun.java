package dev.keyward.rotation;

import dev.keyward.model.RootKeyInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dry run of a {@link RootKeyRotation}: its steps described in words, read from the issuer but
 * locking, journaling, storing and deleting nothing (no directory, file or lock file appears).
 */
final class RootDryRun {
  private RootDryRun() {}

  static List<String> lines(RootKeyRotation rotation, String oldId) {
    List<String> perms = rotation.operatorPermissions;
    String name = rotation.name != null ? rotation.name : "root key";
    Optional<RootKeyInfo> info = rotation.issuer.describe(oldId);
    if (info.isPresent()) {
      perms = info.get().permissions();
      name = rotation.name != null ? rotation.name : RootSteps.baseName(info.get().name());
    }
    String marked = name + " [rot-<plan id>]";
    List<String> lines = new ArrayList<>();
    lines.add(
        "0. lock "
            + oldId
            + " in "
            + rotation.store
            + " and journal every step in "
            + rotation.journal.directory()
            + " (created then)");
    lines.add(
        rotation.issuer.automatic()
            ? "1. create root key \""
                + marked
                + "\" with permissions "
                + perms
                + " (rootKeys.createRootKey)"
            : "1. wait for an operator to create root key \""
                + marked
                + "\" with permissions "
                + perms
                + " in the dashboard and supply it");
    if (RootStaging.applies(rotation)) {
      lines.add(
          "2. stage it in "
              + rotation.store
              + " as the PENDING value of "
              + rotation.storeName
              + "; after step 4 promote it to CURRENT (the old key becomes PREVIOUS)");
      lines.add("3. run the deploy hook after the promotion");
    } else {
      lines.add(
          "2. write it to "
              + rotation.store
              + " as "
              + rotation.storeName
              + " (previous value kept as "
              + rotation.storeName
              + "_PREVIOUS until done)");
      lines.add("3. run the deploy hook");
    }
    lines.add(
        "4. verify: (a) keys.verifyKey with the new key answers 200, (b) its permissions equal "
            + perms
            + (rotation.issuer.automatic() ? " (rootKeys.getRootKey)" : " (operator-confirmed)")
            + ", (c) the caller's check passes within "
            + rotation.verifier.deadline()
            + "; on failure delete the new key, restore the store, keep "
            + oldId);
    lines.add(
        "5. "
            + (rotation.overlap.isZero() ? "" : "after an overlap of " + rotation.overlap + ", ")
            + (rotation.issuer.automatic()
                ? "delete " + oldId + " (rootKeys.deleteRootKey)"
                : "wait for an operator to delete " + oldId + " in the dashboard")
            + ", then wait up to "
            + rotation.revocationTimeout
            + " until calls with it are refused (HTTP 401, 3 in a row)");
    return lines;
  }
}
