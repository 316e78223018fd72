package dev.keyward.rotation;

import dev.keyward.key.Secret;
import dev.keyward.model.RootKeyInfo;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the server and the operator say about the key a new plan replaces: its permissions (and who
 * vouches for them) and its name. A key the server no longer knows is told apart from a server that
 * cannot describe keys, so that a key another plan already rotated is reported as such.
 */
final class RootOldKey {
  final List<String> permissions;
  final String source;
  final @Nullable String name;

  private RootOldKey(List<String> permissions, String source, @Nullable String name) {
    this.permissions = permissions;
    this.source = source;
    this.name = name;
  }

  static RootOldKey describe(RootKeyRotation rotation, String oldId, String planId) {
    Optional<RootKeyInfo> info = rotation.issuer.describe(oldId);
    if (info.isPresent()) {
      List<String> perms = info.get().permissions();
      if (!rotation.operatorPermissions.isEmpty()
          && !new TreeSet<>(perms).equals(new TreeSet<>(rotation.operatorPermissions))) {
        throw new RotationException(
            planId, "describe", "the permissions given differ from the server's");
      }
      String name = rotation.name != null ? rotation.name : RootSteps.baseName(info.get().name());
      return new RootOldKey(perms, "server", name);
    }
    if (rotation.issuer.automatic()) {
      String journal = rotation.journal.directory().toString();
      Optional<String> stored = storedKeyId(rotation);
      if (stored.isPresent() && !stored.get().equals(oldId)) {
        throw new RotationException(
            planId,
            "describe",
            "root key "
                + oldId
                + " no longer exists and the store holds root key "
                + stored.get()
                + " under "
                + rotation.storeName
                + ": it was rotated already, perhaps by a plan journaled elsewhere than "
                + journal
                + "; nothing to rotate");
      }
      if (rotation.operatorPermissions.isEmpty()) {
        throw new RotationException(
            planId,
            "describe",
            "the server does not know root key "
                + oldId
                + ": it was deleted, or rotated by a plan journaled elsewhere than "
                + journal
                + " (if this server cannot describe root keys at all, pass permissions)");
      }
    } else if (rotation.operatorPermissions.isEmpty()) {
      throw new RotationException(
          planId, "describe", "the issuer cannot describe " + oldId + ": pass permissions");
    }
    return new RootOldKey(rotation.operatorPermissions, "operator", rotation.name);
  }

  /** The id of the key the store holds now, if the server can tell; for the message only. */
  private static Optional<String> storedKeyId(RootKeyRotation rotation) {
    try {
      Optional<Secret> stored = rotation.store.read(rotation.storeName);
      return stored.isPresent() ? rotation.issuer.idOf(stored.get()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty(); // a server without rootKeys.list, or an unreadable store
    }
  }
}
