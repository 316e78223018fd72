package dev.keyward.testing;

import dev.keyward.CreateKeyRequest;
import dev.keyward.CreatedKey;
import dev.keyward.Credits;
import dev.keyward.Identity;
import dev.keyward.Keys;
import dev.keyward.RateLimit;
import dev.keyward.RatelimitCheck;
import dev.keyward.RatelimitStatus;
import dev.keyward.Refill;
import dev.keyward.Verification;
import dev.keyward.VerifyKeyRequest;
import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.permission.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code keys.*} on a {@link Workspace}, authenticated as one root key. */
class InMemoryKeys implements Keys {
  final Workspace ws;
  final String rootHash;

  InMemoryKeys(Workspace ws, String rootHash) {
    this.ws = ws;
    this.rootHash = rootHash;
  }

  @Override
  public CreatedKey create(CreateKeyRequest request) {
    Operation op = Operation.KEYS_CREATE_KEY;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = ws.authenticate(op, rootHash, rid);
      StoredApi api = ws.api(request.apiId());
      if (api == null) {
        throw ErrorCode.API_NOT_FOUND.exception(op, "The specified API was not found.", rid);
      }
      Set<Operation.Condition> conditions = EnumSet.noneOf(Operation.Condition.class);
      if (Boolean.TRUE.equals(request.recoverable())) {
        conditions.add(Operation.Condition.RECOVERABLE);
      }
      for (String slug : request.permissions()) {
        if (!ws.permissionsBySlug.containsKey(slug)) {
          conditions.add(Operation.Condition.NEW_PERMISSION_SLUG);
        }
      }
      if (!ws.allows(p, op, api.id, Set.of())) {
        throw ErrorCode.API_NOT_FOUND.exception(op, "The specified API was not found.", rid);
      }
      ws.authorize(p, op, api.id, conditions, rid);
      Credits credits = request.credits();
      checkCredits(op, credits, rid);
      List<StoredRole> roles = new ArrayList<>();
      for (String name : request.roles()) {
        StoredRole role = ws.rolesByName.get(name);
        if (role == null) {
          throw ErrorCode.ROLE_NOT_FOUND.exception(op, "Role '" + name + "' was not found.", rid);
        }
        roles.add(role);
      }
      int bytes = request.byteLength() != null ? request.byteLength() : KeyFormat.DEFAULT_BYTE_LENGTH;
      Secret secret = KeyFormat.generate(request.prefix(), bytes, ws.random);
      StoredKey k = new StoredKey(ws.newId("key"), api.id, secret.hash(), secret.start(), ws.now());
      k.name = request.name();
      k.meta = request.meta();
      k.expires = request.expires();
      k.enabled = request.enabled() == null || request.enabled();
      if (credits != null) {
        k.remaining = credits.remaining();
        k.refill = credits.refill();
      }
      if (request.externalId() != null) {
        k.identityId = ws.upsertIdentity(request.externalId()).id;
      }
      for (RateLimit rl : request.ratelimits()) {
        k.ratelimits.put(rl.name(), withId(rl));
      }
      for (String slug : request.permissions()) {
        k.permissionIds.add(permissionFor(slug).id);
      }
      for (StoredRole role : roles) {
        k.roleIds.add(role.id);
      }
      if (Boolean.TRUE.equals(request.recoverable())) {
        k.recoverablePlaintext = secret.reveal();
      }
      ws.keys.put(k.id, k);
      ws.keysByHash.put(k.hash, k);
      return new CreatedKey(k.id, secret, rid);
    }
  }

  static void checkCredits(Operation op, Credits credits, String rid) {
    if (credits == null || credits.refill() == null) {
      return;
    }
    if (credits.remaining() == null) {
      throw ErrorCode.INVALID_INPUT.exception(
          op, "`credits.remaining` must be provided when `credits.refill` is set.", rid);
    }
    Refill r = credits.refill();
    if (r.interval() == Refill.Interval.MONTHLY && r.refillDay() == null) {
      throw ErrorCode.INVALID_INPUT.exception(
          op, "`refillDay` must be provided when the refill interval is `monthly`.", rid);
    }
  }

  RateLimit withId(RateLimit rl) {
    return rl.id() != null ? rl : new RateLimit(ws.newId("rl"), rl.name(), rl.limit(), rl.duration(), rl.autoApply());
  }

  /** The permission with this slug, created if new (createKey and addPermissions create missing slugs). */
  StoredPermission permissionFor(String slug) {
    StoredPermission p = ws.permissionsBySlug.get(slug);
    if (p == null) {
      p = new StoredPermission(ws.newId("perm"), slug, slug, null, ws.now());
      ws.permissions.put(p.id, p);
      ws.permissionsBySlug.put(slug, p);
    }
    return p;
  }

  @Override
  public Verification verify(VerifyKeyRequest request) {
    Operation op = Operation.KEYS_VERIFY_KEY;
    String hash = request.key().hash();
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = ws.authenticate(op, rootHash, rid);
      if (!Workspace.hasAnyApiPermission(p, "verify_key")) {
        ws.authorize(p, op, null, Set.of(), rid);
      }
      StoredKey k = ws.keysByHash.get(hash);
      if (k == null || k.deleted() || ws.api(k.apiId) == null || !ws.allows(p, op, k.apiId, Set.of())) {
        return Verification.builder(Verification.Code.NOT_FOUND).requestId(rid).build();
      }
      ws.refill(k);
      Instant now = ws.now();
      List<String> permissions = ws.effectivePermissions(k);
      Verification.Code code = Verification.Code.VALID;
      List<RatelimitStatus> statuses = List.of();
      if (!k.enabled) {
        code = Verification.Code.DISABLED;
      } else if (k.expires != null && now.isAfter(k.expires)) {
        code = Verification.Code.EXPIRED;
      } else if (request.permissions() != null && !request.permissions().evaluate(Set.copyOf(permissions))) {
        code = Verification.Code.INSUFFICIENT_PERMISSIONS;
      }
      if (code == Verification.Code.VALID) {
        statuses = rateLimit(op, k, request.ratelimits(), now, rid);
        for (RatelimitStatus s : statuses) {
          if (s.exceeded()) {
            code = Verification.Code.RATE_LIMITED;
          }
        }
      }
      Long credits = k.remaining;
      if (code == Verification.Code.VALID && k.remaining != null) {
        long cost = request.cost() != null ? request.cost() : 1;
        if (cost > 0 && k.remaining < cost) {
          code = Verification.Code.USAGE_EXCEEDED;
          credits = 0L;
        } else {
          k.remaining = Math.max(0, k.remaining - cost);
          credits = k.remaining;
        }
      }
      return Verification.builder(code)
          .keyId(k.id)
          .name(k.name)
          .meta(k.meta == null ? Map.of() : k.meta)
          .expires(k.expires)
          .credits(credits)
          .enabled(k.enabled)
          .permissions(permissions)
          .roles(ws.roleNames(k))
          .identity(identity(k))
          .ratelimits(statuses)
          .requestId(rid)
          .build();
    }
  }

  Identity identity(StoredKey k) {
    if (k.identityId == null) {
      return null;
    }
    StoredIdentity i = ws.identities.get(k.identityId);
    if (i == null) {
      return null;
    }
    return new Identity(i.id, i.externalId, i.meta, new ArrayList<>(i.ratelimits.values()));
  }

  /** One rate limit to check in a verification. */
  private record Limit(String id, String name, long limit, Duration duration, boolean autoApply,
      String identifier, long cost) {}

  /**
   * Unkey's verify rate limiting: every auto-applied limit of the key and its identity (the key's wins
   * on a shared name) plus the named ones; a check with its own limit and duration is a custom key limit.
   */
  private List<RatelimitStatus> rateLimit(
      Operation op, StoredKey k, List<RatelimitCheck> requested, Instant now, String rid) {
    Map<String, Limit> configured = new LinkedHashMap<>();
    StoredIdentity identity = k.identityId == null ? null : ws.identities.get(k.identityId);
    if (identity != null) {
      for (RateLimit rl : identity.ratelimits.values()) {
        configured.put(rl.name(), limit(rl, identity.id));
      }
    }
    for (RateLimit rl : k.ratelimits.values()) {
      configured.put(rl.name(), limit(rl, k.id));
    }
    Map<String, Limit> toCheck = new LinkedHashMap<>();
    for (Limit l : configured.values()) {
      if (l.autoApply()) {
        toCheck.put(l.name(), l);
      }
    }
    for (RatelimitCheck c : requested) {
      long cost = c.cost() == null ? 1 : c.cost();
      if (c.limit() != null && c.duration() != null) {
        toCheck.put(c.name(), new Limit("", c.name(), c.limit(), c.duration(), false, k.id, cost));
        continue;
      }
      Limit l = configured.get(c.name());
      if (l == null) {
        String msg = "ratelimit '" + c.name() + "' was requested but does not exist for key '" + k.id + "'"
            + (identity != null
                ? " nor identity: '" + identity.id + "' external ID: '" + identity.externalId + "'"
                : " and there is no identity connected.");
        throw ErrorCode.PRECONDITION_FAILED.exception(op, msg, rid);
      }
      toCheck.put(c.name(), new Limit(l.id(), l.name(), l.limit(), l.duration(), l.autoApply(),
          l.identifier(), cost));
    }
    if (toCheck.isEmpty()) {
      return List.of();
    }
    List<RateWindows.Check> checks = new ArrayList<>();
    for (Limit l : toCheck.values()) {
      checks.add(new RateWindows.Check("key\u0000" + l.name() + "\u0000" + l.identifier(),
          l.limit(), Math.max(1, l.duration().toMillis()), l.cost()));
    }
    List<RateWindows.Outcome> outcomes = ws.windows.checkAll(checks, now.toEpochMilli());
    List<RatelimitStatus> out = new ArrayList<>();
    int i = 0;
    for (Limit l : toCheck.values()) {
      RateWindows.Outcome o = outcomes.get(i++);
      out.add(new RatelimitStatus(l.id(), l.name(), !o.success(), l.limit(), l.duration(),
          Duration.ofMillis(o.resetMillis()), o.remaining(), l.autoApply()));
    }
    return out;
  }

  private static Limit limit(RateLimit rl, String identifier) {
    return new Limit(rl.id() == null ? "" : rl.id(), rl.name(), rl.limit(), rl.duration(), rl.autoApply(),
        identifier, 1);
  }
}
