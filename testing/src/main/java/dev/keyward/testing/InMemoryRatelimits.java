package dev.keyward.testing;

import dev.keyward.Ratelimits;
import dev.keyward.model.Ack;
import dev.keyward.model.DeleteOverrideRequest;
import dev.keyward.model.GetOverrideRequest;
import dev.keyward.model.LimitRequest;
import dev.keyward.model.LimitResult;
import dev.keyward.model.ListOverridesRequest;
import dev.keyward.model.MultiLimitRequest;
import dev.keyward.model.MultiLimitResult;
import dev.keyward.model.Page;
import dev.keyward.model.RatelimitOverride;
import dev.keyward.model.SavedOverride;
import dev.keyward.model.SetOverrideRequest;
import dev.keyward.permission.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code ratelimit.*} on a {@link Workspace}: fixed windows on the workspace clock, with overrides.
 */
final class InMemoryRatelimits extends Group implements Ratelimits {
  InMemoryRatelimits(Workspace ws, String rootHash, boolean recorded) {
    super(ws, rootHash, recorded);
  }

  /** The namespace, created if new (limit creates namespaces, given {@code create_namespace}). */
  private StoredNamespace namespaceForLimit(
      Operation op, StoredRootKey p, String name, String rid) {
    StoredNamespace ns = ws.namespaces.get(name);
    if (ns == null) {
      ws.authorize(p, op, null, EnumSet.of(Operation.Condition.NEW_NAMESPACE), rid);
      ns = new StoredNamespace(ws.newId("rlns"), name);
      ws.namespaces.put(name, ns);
      ws.recording.created(ns.id, name);
    } else {
      ws.authorize(p, op, ns.id, Set.of(), rid);
    }
    return ns;
  }

  private StoredNamespace namespace(Operation op, StoredRootKey p, String ref, String rid) {
    StoredNamespace ns = ws.namespaces.get(ref);
    if (ns == null) {
      for (StoredNamespace n : ws.namespaces.values()) {
        if (n.id.equals(ref)) {
          ns = n;
        }
      }
    }
    if (ns == null) {
      throw ErrorCode.NAMESPACE_NOT_FOUND.exception(op, "This namespace does not exist.", rid);
    }
    ws.authorize(p, op, ns.id, Set.of(), rid);
    return ns;
  }

  private record Planned(
      StoredNamespace ns,
      LimitRequest request,
      long limit,
      long durationMillis,
      @Nullable String overrideId) {}

  private Planned plan(Operation op, StoredRootKey p, LimitRequest r, String rid) {
    StoredNamespace ns = namespaceForLimit(op, p, r.namespace(), rid);
    RatelimitOverride o = ns.overrideFor(r.identifier());
    long limit = o != null ? o.limit() : r.limit();
    long duration = (o != null ? o.duration() : r.duration()).toMillis();
    return new Planned(ns, r, limit, duration, o == null ? null : o.overrideId());
  }

  private static RateWindows.Check check(Planned pl) {
    long cost = pl.request().cost() == null ? 1 : pl.request().cost();
    return new RateWindows.Check(
        "ns\u0000" + pl.ns().id + "\u0000" + pl.request().identifier(),
        pl.limit(),
        Math.max(1, pl.durationMillis()),
        cost);
  }

  @Override
  public LimitResult limit(LimitRequest request) {
    Operation op = Operation.RATELIMIT_LIMIT;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      Planned pl = plan(op, principal(op, rid), request, rid);
      RateWindows.Outcome o = ws.windows.check(check(pl), ws.now().toEpochMilli());
      return new LimitResult(
          o.success(),
          o.limit(),
          o.remaining(),
          Instant.ofEpochMilli(o.resetMillis()),
          pl.overrideId(),
          rid);
    }
  }

  @Override
  public MultiLimitResult multiLimit(MultiLimitRequest request) {
    Operation op = Operation.RATELIMIT_MULTI_LIMIT;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredRootKey p = principal(op, rid);
      List<Planned> plans = new ArrayList<>();
      List<RateWindows.Check> checks = new ArrayList<>();
      for (LimitRequest r : request.limits()) {
        Planned pl = plan(op, p, r, rid);
        plans.add(pl);
        checks.add(check(pl));
      }
      List<RateWindows.Outcome> outcomes = ws.windows.checkAll(checks, ws.now().toEpochMilli());
      List<MultiLimitResult.Check> out = new ArrayList<>();
      boolean passed = true;
      for (int i = 0; i < plans.size(); i++) {
        Planned pl = plans.get(i);
        RateWindows.Outcome o = outcomes.get(i);
        passed &= o.success();
        out.add(
            new MultiLimitResult.Check(
                pl.request().namespace(),
                pl.request().identifier(),
                o.limit(),
                o.remaining(),
                Instant.ofEpochMilli(o.resetMillis()),
                o.success(),
                pl.overrideId()));
      }
      return new MultiLimitResult(passed, out, rid);
    }
  }

  @Override
  public SavedOverride setOverride(SetOverrideRequest request) {
    Operation op = Operation.RATELIMIT_SET_OVERRIDE;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredNamespace ns = namespace(op, principal(op, rid), request.namespace(), rid);
      RatelimitOverride existing = ns.overrides.get(request.identifier());
      String id = existing != null ? existing.overrideId() : ws.newId("rlor");
      ns.overrides.put(
          request.identifier(),
          new RatelimitOverride(id, request.identifier(), request.limit(), request.duration()));
      return new SavedOverride(id, rid);
    }
  }

  @Override
  public RatelimitOverride getOverride(GetOverrideRequest request) {
    Operation op = Operation.RATELIMIT_GET_OVERRIDE;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredNamespace ns = namespace(op, principal(op, rid), request.namespace(), rid);
      RatelimitOverride o = ns.overrides.get(request.identifier());
      if (o == null) {
        throw ErrorCode.OVERRIDE_NOT_FOUND.exception(op, "This override does not exist.", rid);
      }
      return o;
    }
  }

  @Override
  public Page<RatelimitOverride> listOverrides(ListOverridesRequest request) {
    Operation op = Operation.RATELIMIT_LIST_OVERRIDES;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredNamespace ns = namespace(op, principal(op, rid), request.namespace(), rid);
      return page(
          ns.overrides.values(),
          RatelimitOverride::overrideId,
          o -> o,
          request.limit(),
          request.cursor(),
          rid);
    }
  }

  @Override
  public Ack deleteOverride(DeleteOverrideRequest request) {
    Operation op = Operation.RATELIMIT_DELETE_OVERRIDE;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      StoredNamespace ns = namespace(op, principal(op, rid), request.namespace(), rid);
      if (ns.overrides.remove(request.identifier()) == null) {
        throw ErrorCode.OVERRIDE_NOT_FOUND.exception(op, "This override does not exist.", rid);
      }
      return new Ack(rid);
    }
  }
}
