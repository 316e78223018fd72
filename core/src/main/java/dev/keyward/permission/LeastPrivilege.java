package dev.keyward.permission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Derives the smallest root-key permissions for what a service does, and audits a key's grants
 * against it.
 *
 * <pre>{@code
 * List<LeastPrivilege.Use> uses = List.of(LeastPrivilege.use(Operation.KEYS_VERIFY_KEY, "api_123abc456"));
 * LeastPrivilege.minimalFor(uses);                       // [api.api_123abc456.verify_key]
 * LeastPrivilege.audit(PermissionSet.parse("*"), uses);  // MISSING, and LEGACY_WILDCARD
 * }</pre>
 *
 * <p>"Smallest" means narrowest: where Unkey accepts either {@code type.*.action} or {@code
 * type.<id>.action}, the id-scoped permission is chosen, even if several ids then need several
 * permissions.
 */
public final class LeastPrivilege {
  private LeastPrivilege() {}

  /**
   * One thing a service does: an operation on a resource (see {@link Operation#requirement(String)}
   * for which id), under conditions.
   */
  public record Use(
      Operation operation, @Nullable String resourceId, Set<Operation.Condition> conditions) {
    /** Validates and copies. */
    public Use {
      Objects.requireNonNull(operation, "operation == null");
      Objects.requireNonNull(conditions, "conditions == null");
      conditions = conditions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(conditions));
      if (!operation.requiresPermission()) {
        throw new IllegalArgumentException(operation.wireName() + " needs no permission");
      }
    }

    /** The permissions Unkey checks for this use. */
    public PermissionQuery requirement() {
      return operation.requirement(resourceId, conditions);
    }
  }

  /** A use of {@code operation} on {@code resourceId} ({@code null}: on every resource). */
  public static Use use(
      Operation operation, @Nullable String resourceId, Operation.Condition... conditions) {
    Objects.requireNonNull(conditions, "conditions == null");
    return new Use(
        operation,
        resourceId,
        conditions.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(conditions)));
  }

  /** A named list of uses for a typical service, and the permissions it needs. */
  public record Template(String name, List<Use> uses) {
    /** Validates and copies. */
    public Template {
      Objects.requireNonNull(name, "name == null");
      uses = List.copyOf(uses);
    }

    /** The least-privilege permissions for {@link #uses()}. */
    public PermissionSet permissions() {
      return minimalFor(uses);
    }
  }

  /**
   * A service that only verifies API keys of one API: {@code api.<id>.verify_key} (Unkey's v2
   * {@code keys.verifyKey} requires a root key).
   */
  public static Template verifier(String apiId) {
    return new Template("verifier", List.of(use(Operation.KEYS_VERIFY_KEY, apiId(apiId))));
  }

  /** A service that issues, rerolls, reads and revokes the keys of one API. */
  public static Template keyIssuer(String apiId) {
    String id = apiId(apiId);
    return new Template(
        "key issuer",
        List.of(
            use(Operation.KEYS_CREATE_KEY, id),
            use(Operation.KEYS_REROLL_KEY, id),
            use(Operation.KEYS_GET_KEY, id),
            use(Operation.KEYS_DELETE_KEY, id)));
  }

  /** A billing service that only changes the credits of one API's keys. */
  public static Template billingService(String apiId) {
    return new Template(
        "billing service", List.of(use(Operation.KEYS_UPDATE_CREDITS, apiId(apiId))));
  }

  /** An admin dashboard over one API: keys, analytics, and read access to RBAC and identities. */
  public static Template adminDashboard(String apiId) {
    String id = apiId(apiId);
    return new Template(
        "admin dashboard",
        List.of(
            use(Operation.APIS_GET_API, id),
            use(Operation.APIS_LIST_KEYS, id),
            use(Operation.KEYS_CREATE_KEY, id),
            use(Operation.KEYS_GET_KEY, id),
            use(Operation.KEYS_UPDATE_KEY, id),
            use(Operation.KEYS_REROLL_KEY, id),
            use(Operation.KEYS_DELETE_KEY, id),
            use(Operation.ANALYTICS_GET_VERIFICATIONS, id),
            use(Operation.PERMISSIONS_LIST_PERMISSIONS, null),
            use(Operation.PERMISSIONS_LIST_ROLES, null),
            use(Operation.IDENTITIES_LIST_IDENTITIES, null)));
  }

  private static String apiId(String apiId) {
    Objects.requireNonNull(apiId, "apiId == null");
    RootPermission.of(ResourceType.API, apiId, Action.READ_API); // validates the id's shape
    return apiId;
  }

  /** Like {@link #minimalFor(List)}. */
  public static PermissionSet minimalFor(Use... uses) {
    return minimalFor(Arrays.asList(uses));
  }

  /**
   * The narrowest permission set that allows every use.
   *
   * @throws InvalidPermissionException if a resource id does not have Unkey's id format
   */
  public static PermissionSet minimalFor(List<Use> uses) {
    Objects.requireNonNull(uses, "uses == null");
    Set<String> chosen = new LinkedHashSet<>();
    for (Use use : uses) {
      chosen.addAll(narrowest(Objects.requireNonNull(use, "use == null").requirement()));
    }
    return PermissionSet.parse(chosen);
  }

  /**
   * Compares {@code granted} with what {@code uses} need: what is missing, what is granted but
   * never needed, wildcards where one id would do, and the legacy {@code *} (which grants nothing
   * in v2).
   */
  public static PermissionAudit audit(PermissionSet granted, List<Use> uses) {
    Objects.requireNonNull(granted, "granted == null");
    Objects.requireNonNull(uses, "uses == null");
    List<Map.Entry<String, PermissionQuery>> labelled = new ArrayList<>(uses.size());
    for (Use use : uses) {
      labelled.add(Map.entry(use.operation().wireName(), use.requirement()));
    }
    return audit(granted, labelled, "none of the listed uses needs it");
  }

  /**
   * The smallest root permissions that satisfy every call in {@code recording}, scoped to the
   * resource ids seen; a resource created during the run reads by the name the test gave it (see
   * {@link DerivedPermissions}). An empty recording gives an empty result that says so.
   *
   * <p>The result is in classic tuples ({@code api.<id>.create_key}): the recorded queries' {@code
   * unkey:v1:} alternatives name the fake workspace's own ids, so they are left out. A declared set
   * is audited against the same tuple queries, so a declared resource permission is not counted as
   * satisfying a call.
   */
  public static DerivedPermissions from(Recording recording) {
    return from(recording, Map.of());
  }

  /**
   * Like {@link #from(Recording)}, with {@code productionIds} turning the names of resources
   * created during the run (e.g. {@code billing}) into the service's production ids.
   *
   * @throws IllegalArgumentException if a production id cannot be part of a permission
   */
  public static DerivedPermissions from(Recording recording, Map<String, String> productionIds) {
    Objects.requireNonNull(recording, "recording == null");
    Objects.requireNonNull(productionIds, "productionIds == null");
    return Derivation.derive(recording, productionIds);
  }

  /** {@link #audit(PermissionSet, List)} over queries labelled by the call that needs them. */
  static PermissionAudit audit(
      PermissionSet granted, List<Map.Entry<String, PermissionQuery>> needs, String unusedWhy) {
    Set<String> have = granted.asStrings();
    List<PermissionAudit.Finding> findings = new ArrayList<>();
    Set<String> needed = new LinkedHashSet<>();
    // wildcard -> the specific permissions it stood in for; null once it was needed in general
    Map<String, @Nullable Set<String>> wildcardUses = new LinkedHashMap<>();
    for (Map.Entry<String, PermissionQuery> need : needs) {
      PermissionQuery requirement = need.getValue();
      if (!requirement.evaluate(have)) {
        Set<String> add = new LinkedHashSet<>(narrowest(requirement));
        add.removeAll(have);
        findings.add(
            new PermissionAudit.Finding(
                PermissionAudit.Kind.MISSING,
                requirement.toString(),
                need.getKey() + " needs " + requirement + "; grant " + String.join(", ", add)));
        continue;
      }
      collectUsed(requirement, have, needed, wildcardUses);
    }
    if (granted.contains(RootPermission.LEGACY_WILDCARD)) {
      findings.add(
          new PermissionAudit.Finding(
              PermissionAudit.Kind.LEGACY_WILDCARD,
              "*",
              "the legacy '*' grants nothing in Unkey's v2 API, which matches permissions exactly;"
                  + " remove it"));
    }
    for (Map.Entry<String, @Nullable Set<String>> e : wildcardUses.entrySet()) {
      Set<String> specific = e.getValue();
      if (specific != null && specific.size() == 1) {
        String only = specific.iterator().next();
        findings.add(
            new PermissionAudit.Finding(
                PermissionAudit.Kind.WILDCARD_NARROWABLE,
                e.getKey(),
                e.getKey() + " is only used for one resource; grant " + only + " instead"));
      }
    }
    for (String permission : have) {
      if (!needed.contains(permission) && !permission.equals("*")) {
        findings.add(
            new PermissionAudit.Finding(
                PermissionAudit.Kind.UNUSED,
                permission,
                permission + " is granted but " + unusedWhy));
      }
    }
    return new PermissionAudit(findings);
  }

  /** The narrowest leaves that satisfy {@code query}: per OR, the id-scoped, smallest branch. */
  static Set<String> narrowest(PermissionQuery query) {
    switch (query.kind()) {
      case PERMISSION:
        return Set.of(query.permission());
      case AND:
        {
          Set<String> all = new LinkedHashSet<>();
          for (PermissionQuery child : query.children()) {
            all.addAll(narrowest(child));
          }
          return all;
        }
      default:
        {
          Set<String> best = null;
          for (PermissionQuery child : query.children()) {
            Set<String> candidate = narrowest(child);
            if (best == null || better(candidate, best)) {
              best = candidate;
            }
          }
          return Objects.requireNonNull(best);
        }
    }
  }

  /**
   * Fewer resource permissions first (derivation answers in tuples: a {@code unkey:v1:} leg names
   * ids of the run, such as a key created in it), then fewer wildcards, then fewer permissions.
   */
  private static boolean better(Set<String> candidate, Set<String> best) {
    int cu = resourcePermissions(candidate);
    int bu = resourcePermissions(best);
    if (cu != bu) {
      return cu < bu;
    }
    int cw = wildcards(candidate);
    int bw = wildcards(best);
    return cw != bw ? cw < bw : candidate.size() < best.size();
  }

  private static int resourcePermissions(Set<String> permissions) {
    int n = 0;
    for (String p : permissions) {
      if (p.startsWith(UrnPermission.PREFIX)) {
        n++;
      }
    }
    return n;
  }

  private static int wildcards(Set<String> permissions) {
    int n = 0;
    for (String p : permissions) {
      if (p.contains(".*.")) {
        n++;
      }
    }
    return n;
  }

  /** Records the granted leaves a satisfied query relies on, preferring id-scoped ones. */
  private static void collectUsed(
      PermissionQuery query,
      Set<String> have,
      Set<String> needed,
      Map<String, @Nullable Set<String>> wildcardUses) {
    switch (query.kind()) {
      case PERMISSION:
        if (query.isResourcePermission() && !have.contains(query.permission())) {
          // a granted resource permission with wildcards covers this leg: that grant is used
          needed.addAll(UrnPermission.covering(query.permission(), have));
          return;
        }
        needed.add(query.permission());
        if (query.permission().contains(".*.") && !wildcardUses.containsKey(query.permission())) {
          wildcardUses.put(query.permission(), null);
        }
        return;
      case AND:
        for (PermissionQuery child : query.children()) {
          collectUsed(child, have, needed, wildcardUses);
        }
        return;
      default:
        PermissionQuery pick = null;
        for (PermissionQuery child : query.children()) {
          if (child.evaluate(have) && (pick == null || better(narrowest(child), narrowest(pick)))) {
            pick = child;
          }
        }
        if (pick == null) {
          return;
        }
        String specific = specificSibling(query, pick);
        if (pick.kind() == PermissionQuery.Kind.PERMISSION && specific != null) {
          String wildcard = pick.permission();
          needed.add(wildcard);
          Set<String> previous = wildcardUses.get(wildcard);
          if (!wildcardUses.containsKey(wildcard) || previous != null) {
            Set<String> set = previous == null ? new LinkedHashSet<>() : previous;
            set.add(specific);
            wildcardUses.put(wildcard, set);
          }
          return;
        }
        collectUsed(pick, have, needed, wildcardUses);
    }
  }

  /** For {@code (type.*.a OR type.id.a)} with {@code pick} the wildcard: {@code type.id.a}. */
  private static @Nullable String specificSibling(PermissionQuery or, PermissionQuery pick) {
    if (pick.kind() != PermissionQuery.Kind.PERMISSION || !pick.permission().contains(".*.")) {
      return null;
    }
    for (PermissionQuery child : or.children()) {
      if (child != pick
          && child.kind() == PermissionQuery.Kind.PERMISSION
          && !child.isResourcePermission()
          && !child.permission().contains(".*.")) {
        return child.permission();
      }
    }
    return null;
  }
}
