package dev.keyward.hygiene;

import dev.keyward.ForbiddenException;
import dev.keyward.NotFoundException;
import dev.keyward.Unkey;
import dev.keyward.hygiene.Finding.Kind;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.permission.ResourceType;
import dev.keyward.permission.RootPermission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The root-key checks of {@link KeyHygiene}, over keyward's {@code rootKeys.*} extension. */
final class RootKeyChecks {
  /** Types whose handlers check only the wildcard form, so it is already the least privilege. */
  private static final Set<ResourceType> WILDCARD_ONLY =
      Set.of(ResourceType.RBAC, ResourceType.KEYWARD);

  private final Unkey unkey;
  private final HygieneOptions options;
  private final Instant now;

  /** API id → exists; the scanned APIs were just listed, so they exist. */
  private final Map<String, Boolean> apiExists = new HashMap<>();

  private final Set<String> unreadableApis = new HashSet<>();

  RootKeyChecks(Unkey unkey, HygieneOptions options, Instant now, Collection<String> listedApis) {
    this.unkey = unkey;
    this.options = options;
    this.now = now;
    listedApis.forEach(id -> apiExists.put(id, true));
  }

  /**
   * Reads every root key, adds their findings and notes, and returns how many it read; adds nothing
   * if listing fails.
   *
   * @throws NotFoundException if the server lacks the root-key extension
   * @throws ForbiddenException if the scanning key may not list root keys
   */
  long scan(List<Finding> findings, List<String> notes) {
    List<RootKeyInfo> keys = new ArrayList<>();
    ListRootKeysRequest first = ListRootKeysRequest.builder().limit(options.pageSize()).build();
    unkey.rootKeys().listAll(first).forEach(keys::add);
    for (RootKeyInfo key : keys) {
      if (options.checks().contains(Kind.ROOT_KEY_WILDCARD_PERMISSION)) {
        wildcards(key, findings);
      }
      if (options.checks().contains(Kind.ROOT_KEY_UNUSED_PERMISSION)) {
        unused(key, findings);
      }
      if (options.checks().contains(Kind.ROOT_KEY_PAST_ROTATION_PERIOD)) {
        age(key, findings);
      }
    }
    for (String apiId : new TreeSet<>(unreadableApis)) {
      notes.add(
          "Could not tell whether API "
              + apiId
              + " still exists (apis.getApi answered 403); its root permissions were not judged"
              + " unused.");
    }
    return keys.size();
  }

  private void wildcards(RootKeyInfo key, List<Finding> findings) {
    List<String> wide = new ArrayList<>();
    boolean legacy = false;
    for (String text : key.permissions()) {
      RootPermission p = parse(text);
      if (p == null) {
        if (text.contains("*")) {
          wide.add(text);
        }
      } else if (p.isLegacyWildcard()) {
        wide.add(text);
        legacy = true;
      } else if (p.isWildcard() && !WILDCARD_ONLY.contains(p.type())) {
        wide.add(text);
      }
    }
    if (wide.isEmpty()) {
      return;
    }
    String message =
        "Root key "
            + key.keyId()
            + " holds wildcard permission(s) "
            + String.join(", ", wide)
            + ", which reach every resource of their type, also ones created later; scope them to"
            + " the ids its service uses.";
    if (legacy) {
      message += " The legacy '*' grants nothing in Unkey's v2 API and everything in v1.";
    }
    findings.add(new Finding(Kind.ROOT_KEY_WILDCARD_PERMISSION, key.keyId(), null, wide, message));
  }

  private void unused(RootKeyInfo key, List<Finding> findings) {
    Set<String> wildcards = new HashSet<>();
    List<RootPermission> scoped = new ArrayList<>();
    for (String text : key.permissions()) {
      RootPermission p = parse(text);
      // a resource permission's path is not one API id: neither covered by a tuple nor stale
      if (p == null || p.isLegacyWildcard() || p.isUrn()) {
        continue;
      }
      if (p.isWildcard()) {
        wildcards.add(p.toString());
      } else {
        scoped.add(p);
      }
    }
    List<String> unused = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (RootPermission p : scoped) {
      String wildcard = p.withResourceId("*").toString();
      if (wildcards.contains(wildcard)) {
        unused.add(p.toString());
        reasons.add(p + " (covered by " + wildcard + ")");
      } else if (p.type() == ResourceType.API && !apiExists(p.resourceId())) {
        unused.add(p.toString());
        reasons.add(p + " (API " + p.resourceId() + " no longer exists)");
      }
    }
    if (!unused.isEmpty()) {
      findings.add(
          new Finding(
              Kind.ROOT_KEY_UNUSED_PERMISSION,
              key.keyId(),
              null,
              unused,
              "Root key "
                  + key.keyId()
                  + " holds permission(s) that grant nothing: "
                  + String.join(", ", reasons)
                  + "; remove them."));
    }
  }

  private void age(RootKeyInfo key, List<Finding> findings) {
    Duration age = Duration.between(key.createdAt(), now);
    if (age.compareTo(options.rotationPeriod()) <= 0) {
      return;
    }
    LocalDate created = LocalDate.ofInstant(key.createdAt(), ZoneOffset.UTC);
    findings.add(
        new Finding(
            Kind.ROOT_KEY_PAST_ROTATION_PERIOD,
            key.keyId(),
            null,
            List.of(),
            "Root key "
                + key.keyId()
                + " was created "
                + age.toDays()
                + " day(s) ago ("
                + created
                + "), longer than the rotation period of "
                + HygieneReport.describe(options.rotationPeriod())
                + "; rotate it (RootKeyRotation)."));
  }

  /** Whether the API exists; true (not judged) when the scanning key may not read it. */
  private boolean apiExists(String apiId) {
    Boolean known = apiExists.get(apiId);
    if (known != null) {
      return known;
    }
    boolean exists;
    try {
      unkey.apis().get(apiId);
      exists = true;
    } catch (NotFoundException e) {
      exists = false;
    } catch (ForbiddenException e) {
      unreadableApis.add(apiId);
      exists = true;
    }
    apiExists.put(apiId, exists);
    return exists;
  }

  private static @Nullable RootPermission parse(String text) {
    try {
      return RootPermission.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
