package dev.keyward.testing;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The standalone server's {@code --state} file: a JSON snapshot of the workspace that holds its
 * secrets (the bootstrap root key in plaintext, key hashes, recoverable plaintexts), so it is
 * created with mode 0600 and written atomically: a temporary file beside it, fsync, rename, fsync
 * of the directory. A crash leaves the old snapshot or the new one, never a torn file.
 */
final class StateFile {
  /** Snapshots larger than this are refused rather than read into memory. */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  private final Path file;

  StateFile(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  Path path() {
    return file;
  }

  /**
   * The workspace saved in the file, or null if there is no file yet.
   *
   * @throws StateFileException naming the file and the problem (never a value from it)
   */
  @Nullable InMemoryUnkey load(Clock clock, @Nullable Secret bootstrapOverride) {
    byte[] json;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new StateFileException(file + ": larger than " + MAX_BYTES + " bytes");
      }
      json = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StateFileException(file + ": cannot read (" + reason(e) + ")");
    }
    try {
      return SnapshotReader.read(json, clock, new SecureRandom(), bootstrapOverride);
    } catch (InvalidSnapshotException e) {
      throw new StateFileException(file + ": not a valid snapshot: " + e.getMessage());
    }
  }

  /** Writes {@code unkey}'s workspace atomically, replacing the file. */
  synchronized void save(InMemoryUnkey unkey) {
    byte[] json = SnapshotWriter.write(unkey.workspace());
    Path dir = file.getParent();
    Path tmp = null;
    try {
      tmp = createPrivate(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(json);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new StateFileException(file + ": cannot write (" + reason(e) + ")");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: a stale temporary file holds the same secrets as the snapshot.
        }
      }
    }
  }

  private Path createPrivate(Path dir) throws IOException {
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
    // One left by a crash mid-save is ours to replace.
    Files.deleteIfExists(tmp);
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createFile(tmp);
  }

  /** The operating system's reason, without the exception's name or a path. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason().toLowerCase(Locale.ROOT);
    }
    return "I/O error";
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the rename is still atomic there.
    }
  }

  /** A snapshot that cannot be read, parsed or written; the message names the file. */
  static final class StateFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StateFileException(String message) {
      super(message);
    }
  }
}
