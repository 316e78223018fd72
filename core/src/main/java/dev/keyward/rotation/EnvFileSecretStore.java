package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SecretStore} over an {@code .env} file; see {@link SecretStore#envFile(Path,
 * EnvFileOption...)}. Every operation resolves the path anew, so a link that is repointed between
 * writes is followed to its new target.
 */
class EnvFileSecretStore implements SecretStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static final Map<Path, Object> WRITE_LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  final Storage storage;
  private final Set<EnvFileOption> options = EnumSet.noneOf(EnvFileOption.class);
  private final System.Logger log;
  private final Set<Path> warned = new HashSet<>();

  EnvFileSecretStore(Path file, Storage storage, EnvFileOption... options) {
    this(file, storage, System.getLogger(EnvFileSecretStore.class.getName()), options);
  }

  EnvFileSecretStore(Path file, Storage storage, System.Logger log, EnvFileOption... options) {
    this.file = Objects.requireNonNull(file, "file == null").toAbsolutePath();
    this.storage = storage;
    this.log = log;
    for (EnvFileOption option : options) {
      this.options.add(Objects.requireNonNull(option, "option == null"));
    }
  }

  @Override
  public synchronized Optional<Secret> read(String name) {
    checkName(name);
    Optional<String> value = lines(target()).value(name);
    return value.isEmpty() || value.get().isEmpty()
        ? Optional.empty()
        : Optional.of(Secret.of(value.get()));
  }

  @Override
  public synchronized void write(String name, Secret value) {
    checkName(name);
    Objects.requireNonNull(value, "value == null");
    Path target = target();
    checkExposure(target);
    synchronized (writeLock(target)) {
      EnvLines lines = lines(target);
      lines.set(name, value.reveal());
      replace(target, lines.bytes());
    }
  }

  @Override
  public synchronized void delete(String name) {
    checkName(name);
    Path target = target();
    synchronized (writeLock(target)) {
      EnvLines lines = lines(target);
      if (lines.remove(name)) {
        replace(target, lines.bytes());
      }
    }
  }

  /** Locks the file {@code .<name>.keyward-lock} beside the real file, across processes. */
  @Override
  public RotationLock lockForRotation(String keyId) {
    Objects.requireNonNull(keyId, "keyId == null");
    Path target = lockableTarget();
    Path lockPath = lockPath(target);
    LockFile lock = lockFile(target, keyId);
    if (lock == null) {
      String holder = LockFile.owner(lockPath);
      String where = " (lock " + lockPath + ")";
      throw new ConcurrentRotationException(
          "-",
          keyId,
          holder,
          holder == null || holder.equals(keyId)
              ? "root key " + keyId + " is already being rotated in this store" + where
              : "root key "
                  + keyId
                  + " cannot be rotated now: this store is locked by the rotation of root key "
                  + holder
                  + where);
    }
    return lock::release;
  }

  /** The real file, checked before a lock is taken on it. */
  final synchronized Path lockableTarget() {
    Path target = target();
    checkExposure(target);
    requireRegularFile(target);
    return target;
  }

  static Path lockPath(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".keyward-lock");
  }

  /** Takes the lock file of {@code target} for {@code owner}; null if another owner holds it. */
  final @Nullable LockFile lockFile(Path target, String owner) {
    try {
      return LockFile.tryLock(storage, lockPath(target), owner);
    } catch (AccessDeniedException e) {
      throw notWritable(target, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the .env file", e);
    }
  }

  /**
   * The monitor that serializes the read-modify-write of one real file in this JVM, whatever store
   * instance and path spelling ({@code a/../.env}, a link) reach it.
   */
  static Object writeLock(Path target) {
    Path key;
    try {
      key = target.getParent().toRealPath().resolve(target.getFileName());
    } catch (IOException e) {
      key = target.normalize(); // a missing directory: the write reports it
    }
    return WRITE_LOCKS.computeIfAbsent(key, k -> new Object());
  }

  /** The real file: the path itself, or the end of its chain of symbolic links. */
  Path target() {
    if (!Files.isSymbolicLink(file)) {
      return file;
    }
    try {
      return file.toRealPath();
    } catch (AccessDeniedException e) {
      throw new UncheckedIOException("cannot resolve the .env file's symbolic link", e);
    } catch (FileSystemException e) {
      // NoSuchFileException: dangling; otherwise a loop ("Too many levels of symbolic links")
      throw new SecretStoreException(
          SecretStoreException.Reason.BROKEN_LINK,
          "the .env file "
              + file
              + " is a symbolic link that leads to no file"
              + (e instanceof NoSuchFileException ? " (its target is missing)" : " (a loop)")
              + ": point it at an existing file",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve the .env file's symbolic link", e);
    }
  }

  /** Warns once per file (or refuses, by option) when the real file's group or others can read. */
  final void checkExposure(Path target) {
    Set<PosixFilePermission> mode;
    try {
      if (!Files.exists(target)) {
        return;
      }
      mode = posixMode(target);
    } catch (IOException e) {
      return; // the read or write that follows reports what is wrong with the file
    }
    if (mode == null
        || !(mode.contains(PosixFilePermission.GROUP_READ)
            || mode.contains(PosixFilePermission.OTHERS_READ))) {
      return;
    }
    String text =
        "the .env file "
            + target
            + " is readable by "
            + (mode.contains(PosixFilePermission.OTHERS_READ) ? "every user" : "its group")
            + " (mode "
            + PosixFilePermissions.toString(mode)
            + "), and keyward writes a root key into it: chmod 600 it";
    if (options.contains(EnvFileOption.REFUSE_READABLE_BY_OTHERS)) {
      throw new SecretStoreException(
          SecretStoreException.Reason.READABLE_BY_OTHERS,
          text + " (refused: EnvFileOption.REFUSE_READABLE_BY_OTHERS)",
          null);
    }
    if (warned.add(target)) {
      log.log(Level.WARNING, text);
    }
  }

  final EnvLines lines(Path target) {
    if (!requireRegularFile(target)) {
      return EnvLines.parse(new byte[0]);
    }
    try {
      return EnvLines.parse(Files.readAllBytes(target));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the .env file", e);
    }
  }

  /**
   * False if {@code target} does not exist; refuses a directory, a FIFO (whose open would block
   * until some writer came) or a device, whose replacement by a regular file would destroy it.
   */
  final boolean requireRegularFile(Path target) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(target, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the .env file's attributes", e);
    }
    if (!attributes.isRegularFile()) {
      throw new SecretStoreException(
          SecretStoreException.Reason.NOT_A_REGULAR_FILE,
          "the .env file "
              + target
              + (target.equals(file) ? "" : " (the target of the link " + file + ")")
              + " is "
              + (attributes.isDirectory() ? "a directory" : "not a regular file (a FIFO or device)")
              + ": the store reads and replaces regular files only",
          null);
    }
    return true;
  }

  final void replace(Path target, byte[] text) {
    replace(target, text, false);
  }

  /**
   * Replaces {@code target} atomically with {@code text}, keeping its mode, or giving it {@code
   * 0600} when it is new or {@code ownerOnly} is set.
   */
  final void replace(Path target, byte[] text, boolean ownerOnly) {
    Path directory = target.getParent();
    Path temp = TempFiles.path(directory, target.getFileName().toString());
    try {
      Set<PosixFilePermission> mode =
          Files.exists(target) && !ownerOnly ? posixMode(target) : newFileMode();
      TempFiles.sweep(directory, target.getFileName().toString());
      try (FileChannel channel = storage.create(temp, mode)) {
        ByteBuffer bytes = ByteBuffer.wrap(text);
        storage.checkpoint("env.write");
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        storage.checkpoint("env.force");
        channel.force(true);
      }
      storage.checkpoint("env.rename");
      storage.move(temp, target);
      storage.checkpoint("env.syncDirectory");
      storage.syncDirectory(directory);
    } catch (AccessDeniedException e) {
      TempFiles.deleteQuietly(temp);
      throw notWritable(target, e);
    } catch (IOException | RuntimeException e) {
      TempFiles.deleteQuietly(temp);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new UncheckedIOException("cannot write the .env file", (IOException) e);
    }
  }

  private SecretStoreException notWritable(Path target, IOException cause) {
    return new SecretStoreException(
        SecretStoreException.Reason.NOT_WRITABLE,
        "cannot create files in "
            + target.getParent()
            + ", the directory of the .env file"
            + (target.equals(file) ? "" : " (the target of the link " + file + ")")
            + ": the store replaces the file by renaming a new one over it",
        cause);
  }

  private @Nullable Set<PosixFilePermission> newFileMode() {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix") ? OWNER_ONLY : null;
  }

  private static @Nullable Set<PosixFilePermission> posixMode(Path path) throws IOException {
    try {
      return Files.getPosixFilePermissions(path);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  static void checkName(String name) {
    Objects.requireNonNull(name, "name == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must match [A-Za-z_][A-Za-z0-9_.]*");
    }
  }

  @Override
  public String toString() {
    return "EnvFileSecretStore{file=" + file + "}";
  }
}
