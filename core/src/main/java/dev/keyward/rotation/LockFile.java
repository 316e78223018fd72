package dev.keyward.rotation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive lock on a file, held by one owner across processes ({@link FileChannel#tryLock},
 * released by the OS when the process dies) and within this JVM (a registry by file identity). The
 * registry is checked before any channel is opened: on POSIX systems closing any descriptor of a
 * file drops every lock the process holds on it, so a refused attempt must never open and close a
 * second channel while the first holds the lock.
 */
final class LockFile {
  private static final Pattern SAFE_OWNER = Pattern.compile("[A-Za-z0-9_.:@-]{1,200}");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Map<Object, LockFile> HELD = new HashMap<>();

  private final Object identity;
  private final FileChannel channel;
  private final FileLock lock;
  private final String owner;

  private LockFile(Object identity, FileChannel channel, FileLock lock, String owner) {
    this.identity = identity;
    this.channel = channel;
    this.lock = lock;
    this.owner = owner;
  }

  /**
   * Locks {@code path} (created owner-only if missing, never through a symbolic link) for {@code
   * owner}, whose name it writes into the file; null if another owner holds it.
   */
  static @Nullable LockFile tryLock(Storage storage, Path path, String owner) throws IOException {
    synchronized (HELD) {
      try {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (FileAlreadyExistsException e) {
        // an earlier rotation left it: lock files are kept, deleting them would race
      } catch (UnsupportedOperationException e) {
        createPlain(path);
      }
      Object identity = identity(path);
      LockFile held = HELD.get(identity);
      if (held != null && held.lock.isValid()) {
        return null;
      }
      HELD.remove(identity); // a crashed owner's channel was closed: its lock is gone
      requirePlainFile(path);
      FileChannel channel = storage.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        RotationJournal.closeQuietly(channel);
        return null;
      }
      LockFile file = new LockFile(identity, channel, lock, owner);
      HELD.put(identity, file);
      ByteBuffer text = ByteBuffer.wrap((owner + "\n").getBytes(StandardCharsets.UTF_8));
      channel.truncate(0);
      while (text.hasRemaining()) {
        channel.write(text, text.position());
      }
      return file;
    }
  }

  /** The owner named in a lock file another holder keeps, if it names one; for messages. */
  static @Nullable String owner(Path path) {
    synchronized (HELD) {
      try {
        LockFile held = HELD.get(identity(path));
        if (held != null && held.lock.isValid()) {
          return held.owner;
        }
        byte[] bytes = Files.readAllBytes(path);
        String text = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("");
        return SAFE_OWNER.matcher(first).matches() ? first : null;
      } catch (IOException e) {
        return null;
      }
    }
  }

  /** Whether this lock is still held (not released, its channel open). */
  boolean held() {
    synchronized (HELD) {
      return lock.isValid() && HELD.get(identity) == this;
    }
  }

  /** Releases the lock; the file stays. Does nothing the second time. */
  void release() {
    synchronized (HELD) {
      HELD.remove(identity, this);
      RotationJournal.closeQuietly(channel);
    }
  }

  private static void createPlain(Path path) throws IOException {
    try {
      Files.createFile(path);
    } catch (FileAlreadyExistsException e) {
      // kept from an earlier rotation
    }
  }

  /**
   * Refuses a lock file someone replaced by a FIFO (opening it would block) or by a hard link to
   * another file (which the lock would truncate); a symbolic link fails to open (no-follow).
   */
  private static void requirePlainFile(Path path) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Object links = 1;
    if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      links = Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    }
    if (!attributes.isRegularFile() || !Integer.valueOf(1).equals(links)) {
      throw new FileSystemException(
          path.toString(),
          null,
          "the lock file is not a regular file with a single link; remove it and retry");
    }
  }

  private static Object identity(Path path) throws IOException {
    Object key =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    return key != null ? key : path.toRealPath();
  }
}
