package dev.keyward.leak;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LeakDedupeStore#file(Path)}: an append-only file of {@code C <hash> <kind> <keyId>} and
 * {@code D <hash>} lines, each forced to disk before the call returns. It holds token hashes and
 * key ids, never a token.
 */
public final class FileDedupeStore implements LeakDedupeStore, Closeable {
  private static final Logger log = LoggerFactory.getLogger(FileDedupeStore.class);

  private final Path path;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel out;
  private final Map<String, LeakRecord> records;

  private FileDedupeStore(
      Path path,
      FileChannel lockChannel,
      FileLock lock,
      FileChannel out,
      Map<String, LeakRecord> r) {
    this.path = path;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.out = out;
    this.records = r;
  }

  static FileDedupeStore open(Path file) throws IOException {
    Path path = file.toAbsolutePath();
    Path dir = path.getParent();
    if (Files.isSymbolicLink(path)) {
      throw new IOException("the dedupe store file must not be a symbolic link: " + path);
    }
    FileChannel lockChannel =
        FileChannel.open(
            dir.resolve(path.getFileName() + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException("another store holds the dedupe store file: " + path);
    }
    try {
      Map<String, LeakRecord> records = load(path);
      compact(path, records);
      FileChannel out =
          FileChannel.open(
              path, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
      return new FileDedupeStore(path, lockChannel, lock, out, records);
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw e;
    }
  }

  private static Map<String, LeakRecord> load(Path path) throws IOException {
    Map<String, LeakRecord> records = new HashMap<>();
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return records;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readAllBytes();
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    int end = text.lastIndexOf('\n') + 1; // a last line without its newline was torn by a crash
    int skipped = end < text.length() ? 1 : 0;
    for (String line : text.substring(0, end).split("\n", -1)) {
      if (!line.isEmpty() && !apply(records, line)) {
        skipped++;
      }
    }
    if (skipped > 0) {
      log.warn("dedupe store {}: skipped {} damaged line(s)", path, skipped);
    }
    return records;
  }

  private static boolean apply(Map<String, LeakRecord> records, String line) {
    String[] f = line.split(" ", -1);
    try {
      if (f.length == 4 && f[0].equals("C")) {
        records.putIfAbsent(f[1], new LeakRecord(f[1], TokenKind.valueOf(f[2]), f[3], false));
        return true;
      }
      if (f.length == 2 && f[0].equals("D") && records.containsKey(f[1])) {
        records.computeIfPresent(f[1], (h, r) -> r.withDone());
        return true;
      }
    } catch (IllegalArgumentException e) {
      // a damaged line: counted by the caller
    }
    return false;
  }

  /** Rewrites the file from {@code records}: temporary file, force, atomic rename, force dir. */
  private static void compact(Path path, Map<String, LeakRecord> records) throws IOException {
    StringBuilder text = new StringBuilder();
    for (LeakRecord r : records.values()) {
      text.append(claimLine(r));
      if (r.done()) {
        text.append(doneLine(r.tokenHash()));
      }
    }
    Path dir = path.getParent();
    Path temp =
        dir.resolve("." + path.getFileName() + ".keyward-tmp-" + ProcessHandle.current().pid());
    Files.deleteIfExists(
        temp); // left by a crashed run of this pid; a link is deleted, not followed
    try (FileChannel ch =
        FileChannel.open(
            temp,
            java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            ownerOnly())) {
      writeFully(ch, text.toString());
      ch.force(true);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("a temporary file appeared while compacting " + path, e);
    }
    try {
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // makes the rename durable
    } catch (IOException e) {
      // some platforms cannot open a directory; the rename is still atomic
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static String claimLine(LeakRecord r) {
    return "C " + r.tokenHash() + " " + r.kind().name() + " " + r.keyId() + "\n";
  }

  private static String doneLine(String hash) {
    return "D " + hash + "\n";
  }

  private static void writeFully(FileChannel ch, String text) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    while (buffer.hasRemaining()) {
      ch.write(buffer);
    }
  }

  private void append(String line) {
    try {
      writeFully(out, line);
      out.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("dedupe store write failed: " + path, e);
    }
  }

  @Override
  public synchronized Optional<LeakRecord> find(String tokenHash) {
    return Optional.ofNullable(records.get(tokenHash));
  }

  @Override
  public synchronized LeakRecord claim(LeakRecord record) {
    LeakRecord existing = records.get(record.tokenHash());
    if (existing != null) {
      return existing;
    }
    append(claimLine(record));
    records.put(record.tokenHash(), record);
    if (record.done()) {
      markDone(record.tokenHash());
    }
    return record;
  }

  @Override
  public synchronized void markDone(String tokenHash) {
    LeakRecord r = records.get(tokenHash);
    if (r == null || r.done()) {
      return;
    }
    append(doneLine(tokenHash));
    records.put(tokenHash, r.withDone());
  }

  /** The file this store writes. */
  public Path path() {
    return path;
  }

  /** Closes the file and releases the lock. */
  @Override
  public synchronized void close() throws IOException {
    try {
      out.close();
    } finally {
      if (lock.isValid()) {
        lock.release();
      }
      lockChannel.close();
    }
  }

  @Override
  public synchronized String toString() {
    return "FileDedupeStore[" + path + ", " + records.size() + " records]";
  }
}
