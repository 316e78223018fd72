package dev.keyward.rotation;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The file-system seam of the journal, the lock and the {@code .env} store. Tests replace it with
 * one whose channels keep unforced bytes in memory and lose them in a simulated crash.
 */
interface Storage {
  /** The real file system. */
  Storage SYSTEM =
      new Storage() {
        @Override
        public FileChannel open(Path path, OpenOption... options) throws IOException {
          return FileChannel.open(path, options);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
          Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void syncDirectory(Path directory) throws IOException {
          try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
          } catch (IOException e) {
            // Some file systems refuse to open or sync a directory; the rename itself was atomic.
          }
        }
      };

  /** Opens a file channel. */
  FileChannel open(Path path, OpenOption... options) throws IOException;

  /**
   * Creates {@code path}, which must not exist (a link there is not followed), with {@code mode}
   * from the first instant (null: the file system's default, where there are no POSIX modes), and
   * opens it for writing.
   */
  default FileChannel create(Path path, @Nullable Set<PosixFilePermission> mode)
      throws IOException {
    if (mode == null) {
      Files.createFile(path);
    } else {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(mode));
      checkpoint("create.mode");
      // the umask may have narrowed the mode; never through a link someone put in the file's place
      Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(mode);
    }
    return open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }

  /** Renames {@code from} over {@code to} atomically. */
  void move(Path from, Path to) throws IOException;

  /** Forces a directory's entries (a rename) to disk. */
  void syncDirectory(Path directory) throws IOException;

  /** A crash point: tests throw an {@link Error} here; the real storage does nothing. */
  default void checkpoint(String name) {}
}
