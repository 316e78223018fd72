package dev.keyward.leak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers the tokens the receiver found live, by their SHA-256, so a redelivered report changes
 * nothing: no second revocation, the same label. Implementations are thread-safe.
 *
 * <p>{@link #inMemory()} forgets on restart; {@link #file(Path)} survives it.
 */
public interface LeakDedupeStore {
  /** The record for {@code tokenHash}, if any. */
  Optional<LeakRecord> find(String tokenHash);

  /**
   * Stores {@code record} unless a record with its hash exists; returns the record that is stored
   * afterwards (the existing one, or {@code record}). Only the caller that gets its own record back
   * acts on the token.
   */
  LeakRecord claim(LeakRecord record);

  /** Marks the record of {@code tokenHash} done; nothing happens if there is none. */
  void markDone(String tokenHash);

  /** A store in memory: a redelivery after a restart is handled again. */
  static LeakDedupeStore inMemory() {
    return new InMemoryDedupeStore();
  }

  /**
   * A store in an append-only file (created with owner-only permissions where the file system has
   * them): every change is forced to disk before the call returns; on opening, a torn last line (a
   * crash mid-write) is dropped and the file is rewritten through a temporary file and an atomic
   * rename. The file must not be a symbolic link. One process at a time: a lock file beside it
   * ({@code <name>.lock}) is held until {@link java.io.Closeable#close()}.
   *
   * @throws IOException if the file cannot be read or created, is a symbolic link, or another
   *     process holds it
   */
  static FileDedupeStore file(Path path) throws IOException {
    return FileDedupeStore.open(path);
  }
}
