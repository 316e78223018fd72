package dev.keyward.leak;

import dev.keyward.key.Secret;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The root keys a deployment knows, by Unkey's hash ({@code KeyFormat.hash}: base64 of SHA-256): a
 * reported {@code unkey_…} token is the deployment's own root key only if its hash is here. Read on
 * every report, so an implementation may consult the deployment's secret stores each time.
 */
@FunctionalInterface
public interface KnownRootKeys {
  /** Knows no root key: every reported root key is answered {@code false_positive}. */
  KnownRootKeys NONE = hash -> Optional.empty();

  /** The id of the root key whose Unkey hash is {@code hash}, if it is one of ours. */
  Optional<String> keyIdForHash(String hash);

  /** Root keys by hash: {@code hash → keyId}. */
  static KnownRootKeys ofHashes(Map<String, String> keyIdsByHash) {
    Map<String, String> copy = Map.copyOf(keyIdsByHash);
    return hash -> Optional.ofNullable(copy.get(hash));
  }

  /** Root keys from their secrets: {@code keyId → key}; only the hashes are kept. */
  static KnownRootKeys ofSecrets(Map<String, Secret> keysById) {
    Map<String, String> byHash = new HashMap<>();
    keysById.forEach(
        (id, key) -> byHash.put(Objects.requireNonNull(key, "key == null").hash(), id));
    return ofHashes(byHash);
  }
}
