package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The versioned {@code .env} store; see {@link VersionedSecretStore#envFile}. The {@code .env} file
 * holds CURRENT values; the sidecar ({@link EnvVersions}) holds versions, tokens, and the PENDING
 * and PREVIOUS values. A change of CURRENT writes the sidecar first and the {@code .env} file
 * second, each replaced atomically: a crash between them leaves the {@code .env} file at the value
 * the sidecar now calls PREVIOUS, which reads as that (PREVIOUS) version, and a retry with the same
 * token or version completes the change. Every operation runs under this JVM's per-file monitor and
 * an OS lock on {@code .<name>.keyward-cas-lock}, so a compare-and-set is atomic across processes
 * too.
 */
final class VersionedEnvFileStore extends EnvFileSecretStore implements VersionedSecretStore {
  VersionedEnvFileStore(Path file, Storage storage, EnvFileOption... options) {
    super(file, storage, options);
  }

  @Override
  public Optional<VersionedSecret> readStage(String name, Stage stage) {
    checkName(name);
    Objects.requireNonNull(stage, "stage == null");
    return exclusive(
        false,
        (target, versions) -> {
          EnvVersions.Entry e = versions.entry(name);
          EnvVersions.Slot s =
              switch (stage) {
                case CURRENT -> actual(target, name, versions);
                case PENDING -> e.pending;
                case PREVIOUS -> e.previous;
              };
          return Optional.ofNullable(s == null ? null : s.toVersioned());
        });
  }

  @Override
  public VersionedSecret write(
      String name, Secret value, SecretVersion expected, String idempotencyToken) {
    checkName(name);
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(expected, "expected == null");
    VersionedSecretStore.checkToken(idempotencyToken);
    return exclusive(
        true,
        (target, versions) -> {
          EnvVersions.Entry e = versions.entry(name);
          EnvVersions.Slot actual = actual(target, name, versions);
          EnvVersions.Slot earlier = earlier(name, e, value, idempotencyToken);
          if (earlier != null) {
            if (earlier == e.current) {
              completeCurrent(target, name, e, actual);
            }
            return Objects.requireNonNull(earlier.toVersioned());
          }
          if (!actual.version.equals(expected)) {
            throw new SecretStoreConflictException(
                SecretStoreException.Reason.VERSION_CONFLICT,
                name,
                "expected version " + expected + " of " + name + " but it is " + actual.version);
          }
          EnvVersions.Slot next = new EnvVersions.Slot(e.newVersion(), idempotencyToken, value);
          setCurrent(target, name, versions, e, actual, next);
          return Objects.requireNonNull(next.toVersioned());
        });
  }

  @Override
  public VersionedSecret stage(String name, Secret value, String idempotencyToken) {
    checkName(name);
    Objects.requireNonNull(value, "value == null");
    VersionedSecretStore.checkToken(idempotencyToken);
    return exclusive(
        true,
        (target, versions) -> {
          EnvVersions.Entry e = versions.entry(name);
          EnvVersions.Slot earlier = earlier(name, e, value, idempotencyToken);
          if (earlier != null) {
            return Objects.requireNonNull(earlier.toVersioned());
          }
          EnvVersions.Slot actual = actual(target, name, versions);
          if (actual.value != null && actual != e.current && actual != e.previous) {
            e.current = actual; // adopt the file's value, so its version stays what was read
          }
          e.pending = new EnvVersions.Slot(e.newVersion(), idempotencyToken, value);
          saveVersions(target, versions);
          return Objects.requireNonNull(e.pending.toVersioned());
        });
  }

  @Override
  public VersionedSecret promote(String name, SecretVersion version) {
    checkName(name);
    Objects.requireNonNull(version, "version == null");
    return exclusive(
        true,
        (target, versions) -> {
          EnvVersions.Entry e = versions.entry(name);
          EnvVersions.Slot actual = actual(target, name, versions);
          if (e.current != null && e.current.version.equals(version)) {
            completeCurrent(target, name, e, actual);
            return Objects.requireNonNull(e.current.toVersioned());
          }
          if (e.pending == null || !e.pending.version.equals(version)) {
            throw new SecretStoreConflictException(
                SecretStoreException.Reason.NO_SUCH_VERSION,
                name,
                "version " + version + " of " + name + " is neither pending nor current");
          }
          EnvVersions.Slot promoted = e.pending;
          e.pending = null;
          setCurrent(target, name, versions, e, actual, promoted);
          return Objects.requireNonNull(promoted.toVersioned());
        });
  }

  @Override
  public boolean unstage(String name, SecretVersion version) {
    checkName(name);
    Objects.requireNonNull(version, "version == null");
    return exclusive(
        true,
        (target, versions) -> {
          EnvVersions.Entry e = versions.entry(name);
          if (e.pending == null || !e.pending.version.equals(version)) {
            return false;
          }
          e.pending = null;
          saveVersions(target, versions);
          return true;
        });
  }

  /** The lease is the {@code .env} store's lock file, naming {@code holder}; {@code ttl} unused. */
  @Override
  public Lease tryLock(String name, String holder, Duration ttl) {
    checkName(name);
    VersionedSecretStore.checkLease(holder, ttl);
    Path target = lockableTarget();
    LockFile lock = lockFile(target, holder);
    if (lock == null) {
      String other = LockFile.owner(lockPath(target));
      throw new ConcurrentRotationException(
          "-",
          name,
          other,
          "the lease on "
              + name
              + " is held by "
              + (other == null ? "another holder" : other)
              + " (lock "
              + lockPath(target)
              + ")");
    }
    return new FileLease(name, holder, lock);
  }

  /** A lease on the lock file: held until closed or its process dies. */
  private static final class FileLease implements Lease {
    private final String name;
    private final String holder;
    private final LockFile lock;

    FileLease(String name, String holder, LockFile lock) {
      this.name = name;
      this.holder = holder;
      this.lock = lock;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String holder() {
      return holder;
    }

    @Override
    public Instant expiresAt() {
      return Instant.MAX;
    }

    @Override
    public void renew() {
      if (!lock.held()) {
        throw new ConcurrentRotationException(
            "-", name, null, "the lease of " + holder + " on " + name + " was released");
      }
    }

    @Override
    public void close() {
      lock.release();
    }

    @Override
    public String toString() {
      return "Lease{name=" + name + ", holder=" + holder + "}";
    }
  }

  /**
   * What the {@code .env} file holds under {@code name}, as a slot: the sidecar's CURRENT or
   * PREVIOUS if the value is theirs, else a hand edit (or ABSENT).
   */
  private EnvVersions.Slot actual(Path target, String name, EnvVersions versions) {
    Optional<String> raw = lines(target).value(name);
    if (raw.isEmpty() || raw.get().isEmpty()) {
      return new EnvVersions.Slot(SecretVersion.ABSENT, null, null);
    }
    Secret value = Secret.of(raw.get());
    EnvVersions.Entry e = versions.entry(name);
    for (EnvVersions.Slot s : new EnvVersions.Slot[] {e.current, e.previous}) {
      if (s != null && s.value != null && s.value.equals(value)) {
        return s;
      }
    }
    // a name keyward never versioned reads as e-0 until its first versioned write adopts it
    SecretVersion version = e.fresh() ? SecretVersion.of("e-0") : versions.editedVersion(value);
    return new EnvVersions.Slot(version, null, value);
  }

  /** Sidecar first (old value becomes PREVIOUS, {@code next} CURRENT), then the file. */
  private void setCurrent(
      Path target,
      String name,
      EnvVersions versions,
      EnvVersions.Entry e,
      EnvVersions.Slot actual,
      EnvVersions.Slot next) {
    e.previous = actual;
    e.current = next;
    saveVersions(target, versions);
    writeEnv(target, name, Objects.requireNonNull(next.value));
  }

  /**
   * The sidecar's CURRENT was written; finishes a change a crash cut short (the file still holds
   * PREVIOUS), or refuses if the file was edited since.
   */
  private void completeCurrent(
      Path target, String name, EnvVersions.Entry e, EnvVersions.Slot actual) {
    EnvVersions.Slot current = Objects.requireNonNull(e.current);
    if (actual == current) {
      return;
    }
    if (actual != e.previous) {
      throw new SecretStoreConflictException(
          SecretStoreException.Reason.VERSION_CONFLICT,
          name,
          "version " + current.version + " of " + name + " was replaced, now " + actual.version);
    }
    writeEnv(target, name, Objects.requireNonNull(current.value));
  }

  private void writeEnv(Path target, String name, Secret value) {
    EnvLines lines = lines(target);
    lines.set(name, value.reveal());
    replace(target, lines.bytes());
  }

  private static EnvVersions.@Nullable Slot earlier(
      String name, EnvVersions.Entry e, Secret value, String token) {
    EnvVersions.Slot earlier = e.byToken(token);
    if (earlier != null && (earlier.value == null || !earlier.value.equals(value))) {
      throw new SecretStoreConflictException(
          SecretStoreException.Reason.TOKEN_REUSED,
          name,
          "idempotency token "
              + token
              + " created version "
              + earlier.version
              + " of "
              + name
              + " with another value");
    }
    return earlier;
  }

  static Path sidecar(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".keyward-versions");
  }

  private void saveVersions(Path target, EnvVersions versions) {
    replace(sidecar(target), versions.bytes(target.getFileName().toString()), true);
  }

  private EnvVersions loadVersions(Path target) {
    Path sidecar = sidecar(target);
    try {
      BasicFileAttributes a =
          Files.readAttributes(sidecar, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()) {
        throw new SecretStoreException(
            SecretStoreException.Reason.NOT_A_REGULAR_FILE,
            "the versions file " + sidecar + " is not a regular file (a link, a FIFO?)",
            null);
      }
      return EnvVersions.parse(Files.readAllBytes(sidecar));
    } catch (NoSuchFileException e) {
      return new EnvVersions();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the .env store's versions file", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the versions file " + sidecar + " is corrupt: restore it or move it aside", null);
    }
  }

  /**
   * Runs {@code body} on the real file and its versions under this JVM's per-file monitor and the
   * cross-process OS lock (writes only, which check the file's exposure first: a read sees each
   * file whole, and a sidecar newer than the file reads as the PREVIOUS version).
   */
  private <T> T exclusive(boolean write, Body<T> body) {
    synchronized (this) {
      Path target = target();
      if (write) {
        checkExposure(target);
      }
      synchronized (writeLock(target)) {
        if (!write) {
          return body.apply(target, loadVersions(target)); // each file is replaced atomically
        }
        Path lockPath = target.resolveSibling("." + target.getFileName() + ".keyward-cas-lock");
        try (FileChannel channel =
            storage.open(
                lockPath,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
          channel.lock();
          return body.apply(target, loadVersions(target));
        } catch (FileSystemException e) {
          if (!Files.isWritable(target.getParent())) {
            throw new SecretStoreException(
                SecretStoreException.Reason.NOT_WRITABLE,
                "cannot create the lock file "
                    + lockPath
                    + " beside the .env file: the versioned store needs a writable directory",
                e);
          }
          throw new UncheckedIOException("cannot lock the .env store", e);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot lock the .env store", e);
        }
      }
    }
  }

  @FunctionalInterface
  private interface Body<T> {
    T apply(Path target, EnvVersions versions);
  }

  @Override
  public String toString() {
    return "VersionedEnvFileStore{file=" + target() + "}";
  }
}
