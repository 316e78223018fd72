package dev.keyward.vault;

import dev.keyward.rotation.ConcurrentRotationException;
import dev.keyward.rotation.VersionedSecretStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lease held in the KV secret {@code <path>.keyward-lock}: its latest version names the holder,
 * the expiry (epoch milliseconds by the taker's clock) and a random owner id; taking, renewing and
 * releasing it are writes with {@code cas}, so two takers that both saw it free cannot both win. A
 * released lease is a version without a holder. Holds no value and no credential.
 */
final class VaultLease implements VersionedSecretStore.Lease {
  private static final int ATTEMPTS = 8;

  private final VaultSecretStore store;
  private final String name;
  private final String path;
  private final String holder;
  private final Duration ttl;
  private final String owner;
  private volatile Instant expiresAt;
  private volatile boolean closed;

  private VaultLease(
      VaultSecretStore store,
      String name,
      String path,
      String holder,
      Duration ttl,
      String owner,
      Instant expiresAt) {
    this.store = store;
    this.name = name;
    this.path = path;
    this.holder = holder;
    this.ttl = ttl;
    this.owner = owner;
    this.expiresAt = expiresAt;
  }

  static VaultLease take(
      VaultSecretStore store, String name, String path, String holder, Duration ttl) {
    String owner = UUID.randomUUID().toString();
    for (int i = 0; i < ATTEMPTS; i++) {
      KvClient.Doc doc = store.kv.read(path, 0);
      Instant now = store.clock.instant();
      String held = heldBy(doc.data(), now);
      if (held != null) {
        throw refused(store, name, path, held);
      }
      Instant expires = now.plus(ttl);
      try {
        store.kv.write(path, record(holder, expires, owner), doc.version());
        return new VaultLease(store, name, path, holder, ttl, owner, expires);
      } catch (KvClient.CasMismatch e) {
        // it changed under us: read who took it
      }
    }
    throw refused(store, name, path, null);
  }

  /** The holder named by a lock record that has not expired at {@code now}, else null. */
  private static @Nullable String heldBy(@Nullable Map<String, Object> data, Instant now) {
    if (data == null
        || !(data.get("holder") instanceof String h)
        || !(data.get("expires") instanceof String e)) {
      return null;
    }
    try {
      return now.isBefore(Instant.ofEpochMilli(Long.parseLong(e))) ? h : null;
    } catch (NumberFormatException bad) {
      return null;
    }
  }

  private static Map<String, Object> record(String holder, Instant expires, String owner) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("holder", holder);
    data.put("expires", Long.toString(expires.toEpochMilli()));
    data.put("owner", owner);
    return data;
  }

  private static ConcurrentRotationException refused(
      VaultSecretStore store, String name, String path, @Nullable String holder) {
    return new ConcurrentRotationException(
        "-",
        name,
        holder,
        "the lease on "
            + name
            + " is held by "
            + (holder == null ? "another holder" : holder)
            + " ("
            + store.kv.where(path)
            + ")");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String holder() {
    return holder;
  }

  @Override
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public void renew() {
    for (int i = 0; i < ATTEMPTS; i++) {
      KvClient.Doc doc = store.kv.read(path, 0);
      Map<String, Object> data = doc.data();
      if (closed || data == null || !owner.equals(data.get("owner"))) {
        String now = heldBy(data, store.clock.instant());
        throw new ConcurrentRotationException(
            "-",
            name,
            now,
            "the lease of "
                + holder
                + " on "
                + name
                + " was lost"
                + (now == null ? " (released)" : ": it expired and " + now + " took it"));
      }
      Instant expires = store.clock.instant().plus(ttl);
      try {
        store.kv.write(path, record(holder, expires, owner), doc.version());
        expiresAt = expires;
        return;
      } catch (KvClient.CasMismatch e) {
        // re-read: it may have been taken
      }
    }
    throw refused(store, name, path, null);
  }

  /** Releases the lease if it is still this one's; a release Vault refuses is left to expire. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (int i = 0; i < ATTEMPTS; i++) {
        KvClient.Doc doc = store.kv.read(path, 0);
        Map<String, Object> data = doc.data();
        if (data == null || !owner.equals(data.get("owner"))) {
          return;
        }
        try {
          store.kv.write(path, Map.of("released", holder), doc.version());
          return;
        } catch (KvClient.CasMismatch e) {
          // re-read
        }
      }
    } catch (RuntimeException e) {
      // Vault out of reach or refusing: the lease expires at expiresAt
    }
  }

  @Override
  public String toString() {
    return "Lease{name=" + name + ", holder=" + holder + "}";
  }
}
