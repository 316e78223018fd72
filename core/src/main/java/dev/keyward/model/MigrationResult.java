package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.List;

/** The answer of {@code keys.migrateKeys}: which hashes became keys and which failed. */
public record MigrationResult(List<Migrated> migrated, List<String> failed, String requestId) {
  /** One imported key: the hash it was imported from and its new key id. */
  public record Migrated(String hash, String keyId) {
    /** Checks nulls. */
    public Migrated {
      Constraints.notNull("hash", hash);
      Constraints.notNull("keyId", keyId);
    }
  }

  /** Copies the lists and checks nulls. */
  public MigrationResult {
    migrated = Constraints.nonNullItems("migrated", migrated);
    failed = Constraints.nonNullItems("failed", failed);
    Constraints.notNull("requestId", requestId);
  }
}
