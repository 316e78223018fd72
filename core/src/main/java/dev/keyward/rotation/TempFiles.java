package dev.keyward.rotation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary files of the {@code .env} store: {@code .<name>.keyward-tmp-<pid>} beside the real
 * file. A process never shares its name with another, so two processes writing one file at once
 * each rename a complete file of their own (a shared name let one delete the other's half-written
 * file and rename it into place); writes within a process are serialized per file. A file left by a
 * process that died before its rename (it may hold a key) is deleted by the next write.
 */
final class TempFiles {
  private TempFiles() {}

  /** This process's temporary file for the file {@code name} in {@code directory}. */
  static Path path(Path directory, String name) {
    return directory.resolve(prefix(name) + "-" + ProcessHandle.current().pid());
  }

  /**
   * Deletes the temporary files of {@code name} that no live process of this host is writing: this
   * process's own (its writes are serialized, so an existing one is left over), those of processes
   * that are gone, and the unnumbered one of earlier keywards.
   */
  static void sweep(Path directory, String name) throws IOException {
    String prefix = prefix(name);
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(directory, p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path file : files) {
        String rest = file.getFileName().toString().substring(prefix.length());
        if (rest.isEmpty() || (rest.startsWith("-") && !alive(rest.substring(1)))) {
          Files.deleteIfExists(file); // a link is deleted, never followed
        }
      }
    }
  }

  static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // the next write's sweep removes it
    }
  }

  private static boolean alive(String pid) {
    long id;
    try {
      id = Long.parseLong(pid);
    } catch (NumberFormatException e) {
      return true; // not ours: leave it alone
    }
    return id != ProcessHandle.current().pid() && ProcessHandle.of(id).isPresent();
  }

  private static String prefix(String name) {
    return "." + name + ".keyward-tmp";
  }
}
