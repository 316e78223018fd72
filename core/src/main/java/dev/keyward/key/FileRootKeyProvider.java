package dev.keyward.key;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Reads a root key from a file, again whenever the file changes (mounted Kubernetes secrets). */
final class FileRootKeyProvider implements RootKeyProvider {
  /** A key is at most {@value Secret#MAX_LENGTH} characters; room for a newline and padding. */
  private static final int MAX_SIZE = 4096;

  private final Path file;
  private @Nullable Snapshot snapshot;

  private static final class Snapshot {
    final FileTime modified;
    final long size;
    final Object fileKey;
    final Secret secret;

    Snapshot(FileTime modified, long size, Object fileKey, Secret secret) {
      this.modified = modified;
      this.size = size;
      this.fileKey = fileKey;
      this.secret = secret;
    }
  }

  FileRootKeyProvider(Path file) {
    this.file = file;
  }

  @Override
  public synchronized Secret current() {
    BasicFileAttributes attributes;
    try {
      // Follows symlinks: Kubernetes swaps the ..data link when it updates a secret.
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read root key file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    if (!attributes.isRegularFile()) {
      // a FIFO would block every caller until some process wrote to it
      throw new IllegalStateException("root key file " + file + " is not a regular file");
    }
    if (attributes.size() > MAX_SIZE) {
      throw new IllegalStateException(
          "root key file "
              + file
              + " is larger than "
              + MAX_SIZE
              + " bytes: a key has at most "
              + Secret.MAX_LENGTH
              + " characters");
    }
    Object fileKey = attributes.fileKey() == null ? "" : attributes.fileKey();
    Snapshot last = snapshot;
    if (last != null
        && last.modified.equals(attributes.lastModifiedTime())
        && last.size == attributes.size()
        && last.fileKey.equals(fileKey)) {
      return last.secret;
    }
    String text;
    try {
      byte[] bytes = readAtMost(file, MAX_SIZE);
      text = new String(bytes, StandardCharsets.UTF_8).strip();
      Arrays.fill(bytes, (byte) 0);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read root key file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    if (text.isEmpty()) {
      throw new IllegalStateException("root key file " + file + " is empty");
    }
    Secret secret;
    try {
      secret = Secret.of(text);
    } catch (InvalidKeyFormatException e) {
      throw new IllegalStateException(
          "root key file " + file + " does not hold a key: " + e.getMessage(), e);
    }
    snapshot = new Snapshot(attributes.lastModifiedTime(), attributes.size(), fileKey, secret);
    return secret;
  }

  /**
   * Reads up to {@code max} bytes; a file that grew past it (since its size was read) is refused.
   */
  private static byte[] readAtMost(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        Arrays.fill(bytes, (byte) 0);
        throw new IOException("larger than " + max + " bytes");
      }
      return bytes;
    }
  }

  @Override
  public String toString() {
    return "RootKeyProvider.fromFile(" + file + ")";
  }
}
