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
  /**
   * The most bytes read: a key (512 characters) with generous whitespace around it. A larger file
   * (a misconfigured path, {@code /dev/zero}) is an error, never read to the end.
   */
  static final int MAX_FILE_BYTES = 4096;

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
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        Arrays.fill(bytes, (byte) 0);
        throw new IllegalStateException(
            "root key file "
                + file
                + " is larger than "
                + MAX_FILE_BYTES
                + " bytes: a key has"
                + " at most "
                + Secret.MAX_LENGTH
                + " characters");
      }
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

  @Override
  public String toString() {
    return "RootKeyProvider.fromFile(" + file + ")";
  }
}
