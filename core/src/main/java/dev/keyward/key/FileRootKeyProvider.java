package dev.keyward.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Reads a root key from a file, again whenever the file changes (mounted Kubernetes secrets). */
final class FileRootKeyProvider implements RootKeyProvider {
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
      byte[] bytes = Files.readAllBytes(file);
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
