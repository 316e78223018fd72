package dev.keyward.rotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A durable, append-only record of rotation plans, one file per rotated key in a directory. Each
 * record is forced to disk before the step it announces runs; a torn last record (a crash
 * mid-write) is dropped on the next open. Records hold key ids, names, permissions and instants,
 * never a plaintext key. A lock file per key ({@link FileChannel#tryLock}, released by the OS if
 * the process dies) keeps two plans in this journal from writing one file at once; the lock that
 * keeps two rotations of one key apart, whatever their journals, is the store's ({@link
 * SecretStore#lockForRotation(String)}). The directory and its files are created on first use.
 *
 * <pre>{@code
 * RotationJournal journal = RotationJournal.open(Path.of("/var/lib/myapp/rotation"));
 * }</pre>
 */
public final class RotationJournal {
  private static final Pattern SAFE_SUBJECT = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

  private final Path directory;
  private final Storage storage;

  private RotationJournal(Path directory, Storage storage) {
    this.directory = directory;
    this.storage = storage;
  }

  /**
   * A journal kept in {@code directory}, created (with its files) when a plan first takes a lock in
   * it: opening it and a dry run write nothing. Give an absolute path that every run of a plan
   * shares: {@link RootKeyRotation#resume()} finds an unfinished plan only in the journal that
   * started it, and a relative path moves with the working directory of whoever runs the job.
   */
  public static RotationJournal open(Path directory) {
    return open(directory, Storage.SYSTEM);
  }

  static RotationJournal open(Path directory, Storage storage) {
    Objects.requireNonNull(directory, "directory == null");
    return new RotationJournal(directory.toAbsolutePath(), storage);
  }

  /** The directory holding the journal files. */
  public Path directory() {
    return directory;
  }

  Storage storage() {
    return storage;
  }

  /** The file of {@code subject}'s records. */
  Path file(String subject) {
    return directory.resolve(checkSubject(subject) + ".journal");
  }

  /**
   * Takes the lock of {@code subject} and opens its records for appending.
   *
   * @throws RotationException if another plan for the subject holds the lock
   */
  Session lock(String subject, String planId) {
    checkSubject(subject);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new RotationException(planId, "lock", "cannot create the journal directory", e);
    }
    Path lockPath = directory.resolve(subject + ".lock");
    LockFile lock = null;
    try {
      lock = LockFile.tryLock(storage, lockPath, subject);
      if (lock == null) {
        throw new ConcurrentRotationException(
            planId,
            subject,
            "another rotation of " + subject + " is active (journal lock " + lockPath + ")");
      }
      return new Session(this, subject, lock);
    } catch (IOException e) {
      if (lock != null) {
        lock.release();
      }
      throw new RotationException(planId, "lock", "cannot open the journal: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (lock != null) {
        lock.release(); // else this JVM would refuse every later plan of the subject
      }
      throw e;
    }
  }

  /** Reads every intact record of {@code subject} (for inspection; takes no lock). */
  List<JournalRecord> read(String subject) {
    Path file = file(subject);
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      List<JournalRecord> out = new ArrayList<>();
      parse(bytes, out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal", e);
    }
  }

  /** Parses records into {@code out}; returns the length of the intact prefix. */
  static int parse(byte[] bytes, List<JournalRecord> out) {
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        JournalRecord r = JournalRecord.parse(bytes, start, i);
        if (r == null) {
          return start;
        }
        out.add(r);
        start = i + 1;
      }
    }
    return start;
  }

  private static String checkSubject(String subject) {
    if (!SAFE_SUBJECT.matcher(subject).matches()) {
      throw new IllegalArgumentException("journal subject must match [A-Za-z0-9_.-]{1,200}");
    }
    return subject;
  }

  static void closeQuietly(java.nio.channels.Channel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing after a failure: the first failure is the one reported
      }
    }
  }

  /** An open, locked journal file: records read at open, appends forced before they return. */
  static final class Session implements AutoCloseable {
    private final RotationJournal journal;
    private final String subject;
    private final LockFile lock;
    private final FileChannel channel;
    private final List<JournalRecord> records = new ArrayList<>();
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private long written;
    private long forced;

    Session(RotationJournal journal, String subject, LockFile lock) throws IOException {
      this.journal = journal;
      this.subject = subject;
      this.lock = lock;
      Path file = journal.file(subject);
      boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
      if (existed
          && !Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .isRegularFile()) {
        // a link would let the truncation of a torn record cut another file; a FIFO would block
        throw new FileSystemException(
            file.toString(), null, "the journal file is not a regular file (a link, a FIFO?)");
      }
      this.channel =
          journal.storage.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      int intact;
      try {
        long size = channel.size();
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
          // read the whole file
        }
        intact = parse(all.array(), records);
        if (intact < size) {
          requireTornTail(file, all.array(), intact);
          channel.truncate(intact);
          channel.force(true);
        }
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel);
        throw e;
      }
      written = intact;
      forced = intact;
      if (!existed) {
        journal.storage.syncDirectory(journal.directory);
      }
    }

    /**
     * A crash tears at most the records after the last forced one, so a corrupt record followed by
     * an intact one is damage, not a crash: dropping the records after it would forget steps that
     * ran (a revoked key, a stored one). Refuse instead of truncating them away.
     */
    private static void requireTornTail(Path file, byte[] bytes, int intact) throws IOException {
      for (int end = indexOf(bytes, intact); end >= 0; end = indexOf(bytes, end + 1)) {
        int start = end;
        while (start > intact && bytes[start - 1] != '\n') {
          start--;
        }
        if (JournalRecord.parse(bytes, start, end) != null) {
          throw new FileSystemException(
              file.toString(),
              null,
              "the journal is corrupt at byte "
                  + intact
                  + " and intact records follow: that is damage, not a torn last record;"
                  + " restore the file or move it aside after checking the key's state");
        }
      }
    }

    private static int indexOf(byte[] bytes, int from) {
      for (int i = from; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          return i;
        }
      }
      return -1;
    }

    String subject() {
      return subject;
    }

    /** The records in the file, in order, including those appended by this session. */
    List<JournalRecord> records() {
      synchronized (writeLock) {
        return List.copyOf(records);
      }
    }

    /** Appends a record and forces it to disk before returning (group commit across threads). */
    void append(JournalRecord record) {
      byte[] line = record.toLine();
      long end;
      try {
        synchronized (writeLock) {
          journal.storage.checkpoint("journal.write:" + record.type());
          ByteBuffer buffer = ByteBuffer.wrap(line);
          while (buffer.hasRemaining()) {
            written += channel.write(buffer, written);
          }
          records.add(record);
          end = written;
        }
        synchronized (forceLock) {
          if (forced < end) {
            long target;
            synchronized (writeLock) {
              target = written;
            }
            journal.storage.checkpoint("journal.force:" + record.type());
            channel.force(false);
            forced = target;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the journal", e);
      }
    }

    /** Releases the lock; the records stay. */
    @Override
    public void close() {
      closeQuietly(channel);
      lock.release();
    }
  }
}
