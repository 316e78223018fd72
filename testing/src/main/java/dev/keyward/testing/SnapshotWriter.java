package dev.keyward.testing;

import com.squareup.moshi.JsonWriter;
import dev.keyward.model.RateLimit;
import dev.keyward.model.RatelimitOverride;
import dev.keyward.model.Refill;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Workspace} as a state snapshot (format {@value #FORMAT}, version {@value
 * #VERSION}): everything the fake stores, which includes its bootstrap root key in plaintext, the
 * hashes of every key and the plaintexts of recoverable keys. Rate-limit windows and the workspace
 * rate limit are not saved: they start fresh after a restart.
 */
final class SnapshotWriter {
  static final String FORMAT = "keyward-fake-unkey-state";
  static final int VERSION = 1;

  private SnapshotWriter() {}

  /** The snapshot as UTF-8 JSON, taken under the workspace lock so that it is consistent. */
  static byte[] write(Workspace ws) {
    Map<String, Object> tree;
    synchronized (ws.lock) {
      tree = tree(ws);
    }
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      SnapshotJson.write(writer, tree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the snapshot", e);
    }
    return buffer.readByteArray();
  }

  private static Map<String, Object> tree(Workspace ws) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("workspaceId", ws.id);
    root.put("bootstrapKey", ws.bootstrapSecret.reveal());
    root.put("rootKeys", map(ws.rootKeys.values(), SnapshotWriter::rootKey));
    root.put("apis", map(ws.apis.values(), SnapshotWriter::api));
    root.put("permissions", map(ws.permissions.values(), SnapshotWriter::permission));
    root.put("roles", map(ws.roles.values(), SnapshotWriter::role));
    root.put("identities", map(ws.identities.values(), SnapshotWriter::identity));
    root.put("keys", map(ws.keys.values(), SnapshotWriter::key));
    root.put("namespaces", map(ws.namespaces.values(), SnapshotWriter::namespace));
    return root;
  }

  private static <T> List<Object> map(
      Collection<T> items, java.util.function.Function<T, Object> f) {
    List<Object> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(f.apply(item));
    }
    return out;
  }

  private static Map<String, Object> rootKey(StoredRootKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id);
    m.put("hash", k.hash);
    m.put("start", k.start);
    put(m, "name", k.name);
    m.put("bootstrap", k.bootstrap);
    m.put("permissions", new ArrayList<>(k.permissions));
    m.put("createdAt", k.createdAt.toString());
    put(m, "expires", k.expires);
    put(m, "deletedAt", k.deletedAt);
    return m;
  }

  private static Map<String, Object> api(StoredApi a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id);
    m.put("keySpaceId", a.keySpaceId);
    m.put("name", a.name);
    m.put("createdAt", a.createdAt.toString());
    m.put("deleteProtection", a.deleteProtection);
    put(m, "deletedAt", a.deletedAt);
    return m;
  }

  private static Map<String, Object> permission(StoredPermission p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id);
    m.put("name", p.name);
    m.put("slug", p.slug);
    put(m, "description", p.description);
    m.put("createdAt", p.createdAt.toString());
    return m;
  }

  private static Map<String, Object> role(StoredRole r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id);
    m.put("name", r.name);
    put(m, "description", r.description);
    m.put("permissionIds", new ArrayList<>(r.permissionIds));
    m.put("createdAt", r.createdAt.toString());
    return m;
  }

  private static Map<String, Object> identity(StoredIdentity i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id);
    m.put("externalId", i.externalId);
    m.put("meta", i.meta);
    m.put("ratelimits", map(i.ratelimits.values(), SnapshotWriter::rateLimit));
    m.put("createdAt", i.createdAt.toString());
    return m;
  }

  private static Map<String, Object> key(StoredKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id);
    m.put("apiId", k.apiId);
    m.put("hash", k.hash);
    m.put("start", k.start);
    put(m, "name", k.name);
    put(m, "meta", k.meta);
    put(m, "identityId", k.identityId);
    put(m, "expires", k.expires);
    m.put("enabled", k.enabled);
    put(m, "remaining", k.remaining);
    if (k.refill != null) {
      m.put("refill", refill(k.refill));
    }
    put(m, "lastRefillAt", k.lastRefillAt);
    m.put("ratelimits", map(k.ratelimits.values(), SnapshotWriter::rateLimit));
    m.put("permissionIds", new ArrayList<>(k.permissionIds));
    m.put("roleIds", new ArrayList<>(k.roleIds));
    m.put("createdAt", k.createdAt.toString());
    put(m, "updatedAt", k.updatedAt);
    put(m, "deletedAt", k.deletedAt);
    put(m, "recoverablePlaintext", k.recoverablePlaintext);
    return m;
  }

  private static Map<String, Object> refill(Refill r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("interval", r.rawInterval());
    m.put("amount", r.amount());
    put(m, "refillDay", r.refillDay());
    return m;
  }

  private static Map<String, Object> rateLimit(RateLimit rl) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "id", rl.id());
    m.put("name", rl.name());
    m.put("limit", rl.limit());
    m.put("durationMillis", rl.duration().toMillis());
    m.put("autoApply", rl.autoApply());
    return m;
  }

  private static Map<String, Object> namespace(StoredNamespace ns) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", ns.id);
    m.put("name", ns.name);
    m.put("overrides", map(ns.overrides.values(), SnapshotWriter::override));
    return m;
  }

  private static Map<String, Object> override(RatelimitOverride o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("overrideId", o.overrideId());
    m.put("identifier", o.identifier());
    m.put("limit", o.limit());
    m.put("durationMillis", o.duration().toMillis());
    return m;
  }

  /** Leaves absent values out, as the reader treats a missing field and null alike. */
  private static void put(Map<String, Object> m, String name, @Nullable Object value) {
    if (value instanceof Instant i) {
      m.put(name, i.toString());
    } else if (value != null) {
      m.put(name, value);
    }
  }
}
