package dev.keyward.model;

import java.util.List;
import java.util.Objects;

/** The answer of {@code keys.migrateKeys}: which hashes became keys and which failed. */
public record MigrationResult(List<Migrated> migrated, List<String> failed, String requestId) {
  /** One imported key: the hash it was imported from and its new key id. */
  public record Migrated(String hash, String keyId) {
    /** Checks nulls. */
    public Migrated {
      Objects.requireNonNull(hash, "hash == null");
      Objects.requireNonNull(keyId, "keyId == null");
    }
  }

  /** Copies the lists and checks nulls. */
  public MigrationResult {
    migrated = List.copyOf(migrated);
    failed = List.copyOf(failed);
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
