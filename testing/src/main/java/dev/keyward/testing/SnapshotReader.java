package dev.keyward.testing;

import dev.keyward.key.InvalidKeyFormatException;
import dev.keyward.key.Secret;
import dev.keyward.model.RateLimit;
import dev.keyward.model.RatelimitOverride;
import dev.keyward.model.Refill;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a state snapshot ({@link SnapshotWriter}) into a new {@link Workspace}. Everything is
 * checked (types, ranges, unknown fields, duplicate ids and hashes, references between entities,
 * hashes against plaintexts) before the workspace is handed out, so a snapshot is loaded whole or
 * refused: a caller never sees a half-loaded workspace.
 */
final class SnapshotReader {
  private static final int ID = 255;
  private static final int TEXT = 4096;
  private static final int HASH = 128;

  private final Workspace ws;

  private SnapshotReader(Workspace ws) {
    this.ws = ws;
  }

  /**
   * Loads {@code json}; {@code bootstrapOverride}, if set, replaces the snapshot's bootstrap key.
   *
   * @throws InvalidSnapshotException naming the JSON path and the problem, never a value
   */
  static InMemoryUnkey read(
      byte[] json, Clock clock, SecureRandom random, @Nullable Secret bootstrapOverride) {
    SnapshotObject root = SnapshotObject.of("$", SnapshotJson.parse(json));
    if (!SnapshotWriter.FORMAT.equals(root.optString("format", 64))) {
      throw new InvalidSnapshotException("$.format", "must be " + SnapshotWriter.FORMAT);
    }
    if (root.integer("version", 0, Integer.MAX_VALUE) != SnapshotWriter.VERSION) {
      throw new InvalidSnapshotException(
          "$.version", "unsupported (this build reads version " + SnapshotWriter.VERSION + ")");
    }
    String id = root.string("workspaceId", ID);
    Secret saved = secret(root, "bootstrapKey");
    List<SnapshotObject> rootKeys = root.objects("rootKeys");
    StoredRootKey bootstrap = null;
    for (SnapshotObject o : rootKeys) {
      if (o.bool("bootstrap")) {
        if (bootstrap != null) {
          throw new InvalidSnapshotException(o.path(), "a second bootstrap root key");
        }
        bootstrap = rootKey(o, true);
        if (!bootstrap.hash.equals(saved.hash())) {
          throw new InvalidSnapshotException(o.path() + ".hash", "does not match $.bootstrapKey");
        }
      }
    }
    if (bootstrap == null) {
      throw new InvalidSnapshotException("$.rootKeys", "has no bootstrap root key");
    }
    Secret secret = bootstrapOverride != null ? bootstrapOverride : saved;
    bootstrap.hash = secret.hash();
    bootstrap.start = secret.start();
    SnapshotReader r = new SnapshotReader(new Workspace(clock, random, id, bootstrap, secret));
    for (SnapshotObject o : rootKeys) {
      if (!o.bool("bootstrap")) {
        r.addRootKey(rootKey(o, false));
      }
    }
    root.objects("apis").forEach(r::api);
    root.objects("permissions").forEach(r::permission);
    root.objects("roles").forEach(r::role);
    root.objects("identities").forEach(r::identity);
    root.objects("keys").forEach(r::key);
    root.objects("namespaces").forEach(r::namespace);
    root.done();
    return InMemoryUnkey.of(r.ws);
  }

  private static Secret secret(SnapshotObject o, String name) {
    String value = o.string(name, Secret.MAX_LENGTH);
    try {
      return Secret.of(value);
    } catch (InvalidKeyFormatException e) {
      throw new InvalidSnapshotException(o.path() + "." + name, "is not a valid key");
    }
  }

  private static StoredRootKey rootKey(SnapshotObject o, boolean bootstrap) {
    StoredRootKey k =
        new StoredRootKey(
            o.string("id", ID),
            o.string("hash", HASH),
            o.string("start", ID),
            bootstrap,
            o.instant("createdAt"));
    k.name = o.optString("name", TEXT);
    k.permissions.addAll(o.strings("permissions", TEXT));
    k.expires = o.optInstant("expires");
    k.deletedAt = o.optInstant("deletedAt");
    o.done();
    return k;
  }

  private void addRootKey(StoredRootKey k) {
    if (ws.rootKeys.containsKey(k.id) || ws.rootKeysByHash.containsKey(k.hash)) {
      throw new InvalidSnapshotException("$.rootKeys", "has a duplicate id or hash");
    }
    ws.rootKeys.put(k.id, k);
    ws.rootKeysByHash.put(k.hash, k);
  }

  private void api(SnapshotObject o) {
    StoredApi a =
        new StoredApi(
            o.string("id", ID),
            o.string("keySpaceId", ID),
            o.string("name", TEXT),
            o.instant("createdAt"));
    a.deleteProtection = o.bool("deleteProtection");
    a.deletedAt = o.optInstant("deletedAt");
    o.done();
    unique(o, ws.apis.put(a.id, a));
  }

  private void permission(SnapshotObject o) {
    StoredPermission p =
        new StoredPermission(
            o.string("id", ID),
            o.string("name", TEXT),
            o.string("slug", TEXT),
            o.optString("description", TEXT),
            o.instant("createdAt"));
    o.done();
    unique(o, ws.permissions.put(p.id, p));
    unique(o, ws.permissionsBySlug.put(p.slug, p));
  }

  private void role(SnapshotObject o) {
    StoredRole r =
        new StoredRole(
            o.string("id", ID),
            o.string("name", TEXT),
            o.optString("description", TEXT),
            o.instant("createdAt"));
    r.permissionIds.addAll(refs(o, "permissionIds", ws.permissions));
    o.done();
    unique(o, ws.roles.put(r.id, r));
    unique(o, ws.rolesByName.put(r.name, r));
  }

  private void identity(SnapshotObject o) {
    StoredIdentity i =
        new StoredIdentity(
            o.string("id", ID), o.string("externalId", TEXT), o.instant("createdAt"));
    Map<String, Object> meta = o.optTree("meta");
    i.meta = meta == null ? Map.of() : meta;
    for (SnapshotObject rl : o.objects("ratelimits")) {
      RateLimit limit = rateLimit(rl);
      i.ratelimits.put(limit.name(), limit);
    }
    o.done();
    unique(o, ws.identities.put(i.id, i));
    unique(o, ws.identitiesByExternalId.put(i.externalId, i));
  }

  private void key(SnapshotObject o) {
    String apiId = o.string("apiId", ID);
    if (!ws.apis.containsKey(apiId)) {
      throw new InvalidSnapshotException(o.path() + ".apiId", "names no API in $.apis");
    }
    StoredKey k =
        new StoredKey(
            o.string("id", ID),
            apiId,
            o.string("hash", HASH),
            o.string("start", ID),
            o.instant("createdAt"));
    k.name = o.optString("name", TEXT);
    k.meta = o.optTree("meta");
    k.identityId = o.optString("identityId", ID);
    if (k.identityId != null && !ws.identities.containsKey(k.identityId)) {
      throw new InvalidSnapshotException(o.path() + ".identityId", "names no identity");
    }
    k.expires = o.optInstant("expires");
    k.enabled = o.bool("enabled");
    k.remaining = o.optInteger("remaining", 0, Long.MAX_VALUE);
    Map<String, Object> refill = o.optTree("refill");
    if (refill != null) {
      k.refill = refill(SnapshotObject.of(o.path() + ".refill", refill));
    }
    k.lastRefillAt = o.optInstant("lastRefillAt");
    for (SnapshotObject rl : o.objects("ratelimits")) {
      RateLimit limit = rateLimit(rl);
      k.ratelimits.put(limit.name(), limit);
    }
    k.permissionIds.addAll(refs(o, "permissionIds", ws.permissions));
    k.roleIds.addAll(refs(o, "roleIds", ws.roles));
    k.updatedAt = o.optInstant("updatedAt");
    k.deletedAt = o.optInstant("deletedAt");
    if (o.optString("recoverablePlaintext", Secret.MAX_LENGTH) != null) {
      Secret plaintext = secret(o, "recoverablePlaintext");
      if (!plaintext.hash().equals(k.hash)) {
        throw new InvalidSnapshotException(
            o.path() + ".recoverablePlaintext", "does not match the key's hash");
      }
      k.recoverablePlaintext = plaintext.reveal();
    }
    o.done();
    unique(o, ws.keys.put(k.id, k));
    unique(o, ws.keysByHash.put(k.hash, k));
  }

  private void namespace(SnapshotObject o) {
    StoredNamespace ns = new StoredNamespace(o.string("id", ID), o.string("name", TEXT));
    Set<String> ids = new HashSet<>();
    for (SnapshotObject ov : o.objects("overrides")) {
      RatelimitOverride override =
          new RatelimitOverride(
              ov.string("overrideId", ID),
              ov.string("identifier", TEXT),
              ov.integer("limit", 0, Long.MAX_VALUE),
              ov.millis("durationMillis", 1));
      ov.done();
      if (!ids.add(override.overrideId())
          || ns.overrides.put(override.identifier(), override) != null) {
        throw new InvalidSnapshotException(ov.path(), "is a duplicate");
      }
    }
    o.done();
    for (StoredNamespace other : ws.namespaces.values()) {
      if (other.id.equals(ns.id)) {
        throw new InvalidSnapshotException(o.path(), "has a duplicate id");
      }
    }
    unique(o, ws.namespaces.put(ns.name, ns));
  }

  private static Refill refill(SnapshotObject o) {
    String interval = o.string("interval", 64);
    long amount = o.integer("amount", 1, Long.MAX_VALUE);
    Long day = o.optInteger("refillDay", 1, 31);
    o.done();
    return Refill.fromWire(interval, amount, day == null ? null : day.intValue());
  }

  private static RateLimit rateLimit(SnapshotObject o) {
    String id = o.optString("id", ID);
    String name = o.string("name", 128);
    long limit = o.integer("limit", 1, Long.MAX_VALUE);
    RateLimit rl =
        new RateLimit(id, name, limit, o.millis("durationMillis", 1000), o.bool("autoApply"));
    o.done();
    return rl;
  }

  private static List<String> refs(SnapshotObject o, String name, Map<String, ?> targets) {
    List<String> ids = o.strings(name, ID);
    for (int i = 0; i < ids.size(); i++) {
      if (!targets.containsKey(ids.get(i))) {
        throw new InvalidSnapshotException(o.path() + "." + name + "[" + i + "]", "names nothing");
      }
    }
    return ids;
  }

  private static void unique(SnapshotObject o, @Nullable Object previous) {
    if (previous != null) {
      throw new InvalidSnapshotException(o.path(), "duplicates an earlier id, hash or name");
    }
  }
}
