package dev.keyward.hygiene;

import dev.keyward.Unkey;
import dev.keyward.hygiene.Finding.Kind;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The API-key checks of {@link KeyHygiene}: one pass over every page of an API's keys. */
final class ApiKeyChecks {
  private final Unkey unkey;
  private final Set<Kind> checks;
  private final int pageSize;

  ApiKeyChecks(Unkey unkey, HygieneOptions options) {
    this.unkey = unkey;
    this.checks = options.checks();
    this.pageSize = options.pageSize();
  }

  /**
   * Adds the findings of {@code apiId}'s keys to {@code findings} and returns how many keys it
   * read; adds nothing if listing fails part-way.
   */
  long scan(String apiId, List<Finding> findings) {
    List<Finding> found = new ArrayList<>();
    List<String> unlimited = new ArrayList<>();
    long total = 0;
    long limited = 0;
    ListKeysRequest first = ListKeysRequest.builder(apiId).limit(pageSize).build();
    for (KeyInfo key : unkey.apis().listKeysAll(first)) {
      total++;
      String id = key.keyId();
      String subject = "API key " + id + " of " + apiId;
      if (checks.contains(Kind.API_KEY_WITHOUT_EXPIRY) && key.expires() == null) {
        found.add(
            finding(
                Kind.API_KEY_WITHOUT_EXPIRY,
                id,
                apiId,
                subject
                    + " never expires; set an expiry so that a leaked copy stops working on its"
                    + " own."));
      }
      if (checks.contains(Kind.API_KEY_WITHOUT_OWNER) && key.identity() == null) {
        found.add(
            finding(
                Kind.API_KEY_WITHOUT_OWNER,
                id,
                apiId,
                subject
                    + " has no owner (no identity or externalId); nobody can say whether it is"
                    + " still needed."));
      }
      if (checks.contains(Kind.API_KEY_DISABLED) && !key.enabled()) {
        found.add(
            finding(
                Kind.API_KEY_DISABLED,
                id,
                apiId,
                subject + " is disabled but kept; delete it unless it is meant to come back."));
      }
      if (key.credits() != null && key.credits().remaining() != null) {
        limited++;
      } else {
        unlimited.add(id);
      }
    }
    long others = total - 1;
    // a key's own credits never count among "the other keys": it is unlimited, so all `limited`
    // keys are others
    if (checks.contains(Kind.API_KEY_UNLIMITED_CREDITS) && limited * 2 > others) {
      for (String id : unlimited) {
        found.add(
            finding(
                Kind.API_KEY_UNLIMITED_CREDITS,
                id,
                apiId,
                "API key "
                    + id
                    + " of "
                    + apiId
                    + " has unlimited credits while "
                    + limited
                    + " of the API's "
                    + others
                    + " other key(s) have a credit limit."));
      }
    }
    findings.addAll(found);
    return total;
  }

  private static Finding finding(Kind kind, String keyId, String apiId, String message) {
    return new Finding(kind, keyId, apiId, List.of(), message);
  }
}
