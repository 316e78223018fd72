package dev.keyward.hygiene;

import dev.keyward.ForbiddenException;
import dev.keyward.NotFoundException;
import dev.keyward.Unkey;
import dev.keyward.internal.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A key-hygiene report over a workspace, read through the {@link Unkey} port (client or fake).
 * Unkey's v2 API has no call that lists APIs, so the caller names them:
 *
 * <pre>{@code
 * HygieneReport report = KeyHygiene.scan(unkey, List.of("api_123", "api_456"));
 * System.out.print(report.toText());
 * }</pre>
 *
 * <p>What each {@link Finding.Kind} means:
 *
 * <ul>
 *   <li>API keys (every key {@code apis.listKeys} returns for the named APIs, all pages): without
 *       {@code expires}; without an identity (created without {@code externalId}); disabled; with
 *       unlimited credits (no credits, or no {@code remaining}) when more than half of the same
 *       API's other keys have a credit limit.
 *   <li>Root keys (through keyward's {@code rootKeys.listRootKeys} extension, all pages): a
 *       wildcard permission ({@code type.*.action}, the legacy bare {@code *}, a resource
 *       permission with {@code **} or a {@code *} key space such as {@code
 *       unkey:v1:ws_1:keyspaces/*}{@code /keys/*#read_key}, or any {@code *} in a permission
 *       keyward cannot parse) except for {@code rbac.*} and {@code keyward.*}, whose handlers check
 *       nothing narrower; an <em>unused</em> permission; a {@code createdAt} longer ago than the
 *       rotation period, by the options' clock.
 *   <li>"Unused" rests on evidence the port gives, not on call history (which Unkey does not
 *       expose): a permission scoped to one resource that is covered by the same key's wildcard of
 *       the same type and action (Unkey accepts either, so the scoped one never decides), or an
 *       {@code api.<id>.…} permission whose API no longer exists ({@code apis.getApi} answers 404;
 *       checked for any API id, named or not). Ids of other resource types are not looked up.
 * </ul>
 *
 * <p>A server without the root-key extension (Unkey's hosted service manages root keys in its
 * dashboard and answers 404) or a scanning root key that may not list root keys (403) does not fail
 * the scan: the report says root keys were not checked and why. A named API that {@code
 * apis.listKeys} answers 404 for (it does not exist, or the scanning key may not read it, which
 * Unkey masks as 404) is likewise a note. Other failures propagate as the port's {@code
 * UnkeyException}s.
 *
 * <p>Findings and notes hold key ids, API ids and permission names, never a key's plaintext or hash
 * (the scan never asks Unkey to decrypt).
 */
public final class KeyHygiene {
  private KeyHygiene() {}

  /** Scans with {@link HygieneOptions#defaults()}. */
  public static HygieneReport scan(Unkey unkey, Collection<String> apiIds) {
    return scan(unkey, apiIds, HygieneOptions.defaults());
  }

  /**
   * Scans the keys of {@code apiIds} and the workspace's root keys.
   *
   * @param unkey the port, acting with a root key that may list the APIs' keys ({@code
   *     api.<id>.read_key}), read APIs ({@code api.<id>.read_api}) and, for root-key checks, list
   *     root keys (the workspace-admin key)
   * @param apiIds the APIs whose keys to check (may be empty: then only root keys are checked)
   * @param options rotation period, clock, checks and page size
   * @throws IllegalArgumentException if an API id is not an API id ([a-zA-Z0-9_], 3..255)
   */
  public static HygieneReport scan(Unkey unkey, Collection<String> apiIds, HygieneOptions options) {
    Objects.requireNonNull(unkey, "unkey == null");
    Objects.requireNonNull(apiIds, "apiIds == null");
    Objects.requireNonNull(options, "options == null");
    Set<String> named = new TreeSet<>();
    for (String apiId : apiIds) {
      named.add(Ids.apiId(apiId));
    }
    Instant now = options.clock().instant();
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> scannedApis = new ArrayList<>();

    long apiKeys = 0;
    ApiKeyChecks apiKeyChecks = new ApiKeyChecks(unkey, options);
    boolean anyApiKeyCheck = options.checks().stream().anyMatch(Finding.Kind::isApiKeyKind);
    for (String apiId : named) {
      if (!anyApiKeyCheck) {
        break;
      }
      try {
        apiKeys += apiKeyChecks.scan(apiId, findings);
        scannedApis.add(apiId);
      } catch (NotFoundException e) {
        notes.add(
            "API "
                + apiId
                + " was not found (apis.listKeys answered 404: it does not exist, or the scanning"
                + " root key may not read it, which Unkey masks as 404); its keys were not read.");
      }
    }

    boolean anyRootCheck = !options.checks().stream().allMatch(Finding.Kind::isApiKeyKind);
    boolean rootKeysChecked = false;
    long rootKeys = 0;
    if (anyRootCheck) {
      RootKeyChecks rootKeyChecks = new RootKeyChecks(unkey, options, now, scannedApis);
      try {
        rootKeys = rootKeyChecks.scan(findings, notes);
        rootKeysChecked = true;
      } catch (NotFoundException e) {
        notes.add(
            "Root keys were not checked: the server answered 404 to rootKeys.listRootKeys, so it"
                + " does not speak keyward's root-key extension (Unkey's hosted service manages"
                + " root keys in its dashboard).");
      } catch (ForbiddenException e) {
        notes.add(
            "Root keys were not checked: the server answered 403 to rootKeys.listRootKeys; only"
                + " the workspace-admin root key may list root keys.");
      }
    } else {
      notes.add("Root keys were not checked: no root-key check was asked for.");
    }
    return new HygieneReport(
        now,
        options.rotationPeriod(),
        scannedApis,
        apiKeys,
        rootKeysChecked,
        rootKeys,
        notes,
        findings);
  }
}
