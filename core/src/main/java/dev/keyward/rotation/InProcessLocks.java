package dev.keyward.rotation;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The default rotation lock of a {@link SecretStore}: held in this process, per store instance and
 * key id. Entries exist only while held, so a store that is dropped leaves nothing behind.
 */
final class InProcessLocks {
  private static final Set<Holder> HELD = ConcurrentHashMap.newKeySet();

  private InProcessLocks() {}

  static SecretStore.RotationLock lock(SecretStore store, String keyId) {
    Holder holder = new Holder(store, Objects.requireNonNull(keyId, "keyId == null"));
    if (!HELD.add(holder)) {
      throw new ConcurrentRotationException(
          "-",
          keyId,
          "root key "
              + keyId
              + " is already being rotated in this store (lock held in this process)");
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        HELD.remove(holder);
      }
    };
  }

  /** A store (by identity, never by equals: stores may compare by content) and a key id. */
  private static final class Holder {
    private final SecretStore store;
    private final String keyId;

    Holder(SecretStore store, String keyId) {
      this.store = store;
      this.keyId = keyId;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Holder h && h.store == store && h.keyId.equals(keyId);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(store) * 31 + keyId.hashCode();
    }
  }
}
