package dev.keyward.testing;

import dev.keyward.key.Secret;
import dev.keyward.model.RateLimit;
import dev.keyward.model.RatelimitCheck;
import dev.keyward.model.RatelimitStatus;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code keys.verifyKey} on a {@link Workspace}: Unkey's check order, codes and rate limiting. */
final class Verifier extends Group {
  Verifier(Workspace ws, String rootHash, boolean recorded) {
    super(ws, rootHash, recorded);
  }

  Verification verify(VerifyKeyRequest request) {
    return verify(request.key(), request.permissions(), request.cost(), request.ratelimits());
  }

  /**
   * The verification itself. The key is hashed and the result built outside the workspace lock;
   * inside it, a key without permissions, roles, identity or rate limits allocates nothing but its
   * answer.
   */
  Verification verify(
      Secret key,
      @Nullable PermissionQuery query,
      @Nullable Long cost,
      List<RatelimitCheck> requested) {
    Operation op = Operation.KEYS_VERIFY_KEY;
    String hash = key.hash();
    String rid = ws.requestId();
    Verification.Builder answer;
    synchronized (ws.lock) {
      StoredRootKey caller = principal(op, rid);
      if (!Workspace.hasAnyApiPermission(caller, "verify_key")) {
        ws.authorize(caller, op, null, Set.of(), rid);
      }
      StoredKey stored = ws.keysByHash.get(hash);
      if (stored == null
          || stored.deleted()
          || ws.api(stored.apiId) == null
          || !ws.allows(caller, op, stored.apiId, Set.of(), ws.keyIds(stored))) {
        return Verification.builder(Verification.Code.NOT_FOUND).requestId(rid).build();
      }
      ws.refill(stored);
      List<String> permissions = ws.effectivePermissions(stored);
      Verification.Code code = Verification.Code.VALID;
      List<RatelimitStatus> statuses = List.of();
      if (!stored.enabled) {
        code = Verification.Code.DISABLED;
      } else if (stored.expires != null && ws.now().isAfter(stored.expires)) {
        code = Verification.Code.EXPIRED;
      } else if (query != null
          && !query.evaluate(permissions.isEmpty() ? Set.of() : Set.copyOf(permissions))) {
        code = Verification.Code.INSUFFICIENT_PERMISSIONS;
      }
      if (code == Verification.Code.VALID) {
        statuses = rateLimit(op, stored, requested, rid);
        for (RatelimitStatus s : statuses) {
          if (s.exceeded()) {
            code = Verification.Code.RATE_LIMITED;
          }
        }
      }
      Long credits = stored.remaining;
      if (code == Verification.Code.VALID && stored.remaining != null) {
        long spend = cost != null ? cost : 1;
        if (spend > 0 && stored.remaining < spend) {
          code = Verification.Code.USAGE_EXCEEDED;
          credits = 0L;
        } else {
          stored.remaining = Math.max(0, stored.remaining - spend);
          credits = stored.remaining;
        }
      }
      // Stored meta maps are replaced, never changed in place, so the builder may copy them after
      // unlocking.
      answer =
          Verification.builder(code)
              .keyId(stored.id)
              .name(stored.name)
              .meta(stored.meta == null ? Map.of() : stored.meta)
              .expires(stored.expires)
              .credits(credits)
              .enabled(stored.enabled)
              .permissions(permissions)
              .roles(ws.roleNames(stored))
              .identity(ws.identityOf(stored))
              .ratelimits(statuses)
              .requestId(rid);
    }
    return answer.build();
  }

  /** One rate limit to check in a verification. */
  private record Limit(
      String id,
      String name,
      long limit,
      Duration duration,
      boolean autoApply,
      String identifier,
      long cost) {}

  /**
   * Unkey's verify rate limiting: every auto-applied limit of the key and its identity (the key's
   * wins on a shared name) plus the named ones; a check with its own limit and duration is a custom
   * key limit.
   */
  private List<RatelimitStatus> rateLimit(
      Operation op, StoredKey k, List<RatelimitCheck> requested, String rid) {
    StoredIdentity identity = k.identityId == null ? null : ws.identities.get(k.identityId);
    if (requested.isEmpty()
        && k.ratelimits.isEmpty()
        && (identity == null || identity.ratelimits.isEmpty())) {
      return List.of();
    }
    long now = ws.clock.millis();
    Map<String, Limit> configured = new LinkedHashMap<>();
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
      Limit limit = configured.get(c.name());
      if (limit == null) {
        String msg =
            "ratelimit '"
                + c.name()
                + "' was requested but does not exist for key '"
                + k.id
                + "'"
                + (identity != null
                    ? " nor identity: '"
                        + identity.id
                        + "' external ID: '"
                        + identity.externalId
                        + "'"
                    : " and there is no identity connected.");
        throw ErrorCode.PRECONDITION_FAILED.exception(op, msg, rid);
      }
      toCheck.put(
          c.name(),
          new Limit(
              limit.id(),
              limit.name(),
              limit.limit(),
              limit.duration(),
              limit.autoApply(),
              limit.identifier(),
              cost));
    }
    if (toCheck.isEmpty()) {
      return List.of();
    }
    List<RateWindows.Check> checks = new ArrayList<>();
    for (Limit l : toCheck.values()) {
      checks.add(
          new RateWindows.Check(
              "key\u0000" + l.name() + "\u0000" + l.identifier(),
              l.limit(),
              Math.max(1, l.duration().toMillis()),
              l.cost()));
    }
    List<RateWindows.Outcome> outcomes = ws.windows.checkAll(checks, now);
    List<RatelimitStatus> out = new ArrayList<>();
    int i = 0;
    for (Limit l : toCheck.values()) {
      RateWindows.Outcome o = outcomes.get(i++);
      out.add(
          new RatelimitStatus(
              l.id(),
              l.name(),
              !o.success(),
              l.limit(),
              l.duration(),
              Duration.ofMillis(Math.max(0, o.resetMillis() - now)),
              o.remaining(),
              l.autoApply()));
    }
    return out;
  }

  private static Limit limit(RateLimit rl, String identifier) {
    return new Limit(
        rl.id() == null ? "" : rl.id(),
        rl.name(),
        rl.limit(),
        rl.duration(),
        rl.autoApply(),
        identifier,
        1);
  }
}
