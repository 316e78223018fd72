package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.List;

/** {@code keys.migrateKeys}: imports keys by their hashes from another system into an API. */
public final class MigrateKeysRequest {
  private final String migrationId;
  private final String apiId;
  private final List<MigratedKey> keys;

  private MigrateKeysRequest(String migrationId, String apiId, List<MigratedKey> keys) {
    this.migrationId = migrationId;
    this.apiId = apiId;
    this.keys = keys;
  }

  /**
   * Imports {@code keys} (at least one) into {@code apiId} under the migration {@code migrationId}.
   */
  public static MigrateKeysRequest of(String migrationId, String apiId, List<MigratedKey> keys) {
    Constraints.length("migrationId", migrationId, 3, 255);
    Constraints.length("apiId", apiId, 3, 255);
    return new MigrateKeysRequest(
        migrationId, apiId, Constraints.nonNullItems("keys", keys, 1, Integer.MAX_VALUE));
  }

  /** The migration id Unkey configured for the source system's hash format. */
  public String migrationId() {
    return migrationId;
  }

  /** The API to import into. */
  public String apiId() {
    return apiId;
  }

  /** The keys to import. */
  public List<MigratedKey> keys() {
    return keys;
  }

  @Override
  public String toString() {
    return "MigrateKeysRequest{migrationId="
        + migrationId
        + ", apiId="
        + apiId
        + ", keys="
        + keys.size()
        + "}";
  }
}
