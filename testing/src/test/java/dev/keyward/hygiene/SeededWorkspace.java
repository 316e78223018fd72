package dev.keyward.hygiene;

import dev.keyward.hygiene.Finding.Kind;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.Credits;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fake workspace with one of each hygiene problem planted on its own key ({@link #planted}), or
 * none ({@link #clean}), and every secret it issued, so tests can assert none reaches a report.
 */
final class SeededWorkspace {
  final TestClock clock = TestClock.create();
  final InMemoryUnkey unkey = InMemoryUnkey.builder().clock(clock).build();

  /** "KIND keyId" of every planted problem. */
  final Set<String> planted = new LinkedHashSet<>();

  /** Every plaintext key issued, the bootstrap key's included. */
  final List<Secret> secrets = new ArrayList<>();

  String billing;
  String search;
  private int customers;

  private SeededWorkspace() {
    secrets.add(unkey.bootstrapKey());
  }

  /** Every problem once: each on its own key, which is otherwise clean. */
  static SeededWorkspace planted() {
    SeededWorkspace w = new SeededWorkspace();
    // the workspace (and its bootstrap key) was made 100 days before everything else: the one
    // root key past the 90-day rotation period
    w.clock.advance(Duration.ofDays(100));
    w.plant(Kind.ROOT_KEY_PAST_ROTATION_PERIOD, w.bootstrapKeyId());
    w.apis();
    w.cleanKey(w.billing);
    w.cleanKey(w.billing);
    w.plant(Kind.API_KEY_WITHOUT_EXPIRY, w.key(w.billing, null, true, true, 10L));
    w.plant(Kind.API_KEY_WITHOUT_OWNER, w.key(w.billing, w.inDays(30), false, true, 10L));
    w.plant(Kind.API_KEY_DISABLED, w.key(w.billing, w.inDays(30), true, false, 10L));
    w.plant(Kind.API_KEY_UNLIMITED_CREDITS, w.key(w.billing, w.inDays(30), true, true, null));

    String gone = w.unkey.apis().create(CreateApiRequest.of("retired")).apiId();
    String wildcard = w.rootKey("api.*.verify_key");
    w.plant(Kind.ROOT_KEY_WILDCARD_PERMISSION, wildcard);
    String stale = w.rootKey("api." + w.billing + ".read_key", "api." + gone + ".read_key");
    w.plant(Kind.ROOT_KEY_UNUSED_PERMISSION, stale);
    w.unkey.apis().delete(gone);
    String shadowed = w.rootKey("api.*.create_key", "api." + w.search + ".create_key");
    w.plant(Kind.ROOT_KEY_WILDCARD_PERMISSION, shadowed);
    w.plant(Kind.ROOT_KEY_UNUSED_PERMISSION, shadowed);
    w.rootKey("api." + w.billing + ".verify_key", "rbac.*.read_permission");
    return w;
  }

  /** The same shapes of workspace, APIs and keys, without a problem. */
  static SeededWorkspace clean() {
    SeededWorkspace w = new SeededWorkspace();
    w.apis();
    for (int i = 0; i < 4; i++) {
      w.cleanKey(w.billing);
    }
    w.rootKey("api." + w.billing + ".verify_key", "api." + w.search + ".read_key");
    w.rootKey("rbac.*.read_permission", "keyward.*.manage_root_keys");
    return w;
  }

  /**
   * "billing" keeps its keys' credits limited; "search" holds one key with unlimited credits, which
   * is fine: no other key of that API has a limit.
   */
  private void apis() {
    billing = unkey.apis().create(CreateApiRequest.of("billing")).apiId();
    search = unkey.apis().create(CreateApiRequest.of("search")).apiId();
    key(search, inDays(60), true, true, null);
  }

  String cleanKey(String apiId) {
    return key(apiId, inDays(30), true, true, 100L);
  }

  String key(String apiId, Instant expires, boolean owner, boolean enabled, Long credits) {
    CreateKeyRequest.Builder b = CreateKeyRequest.builder(apiId).prefix("sk").enabled(enabled);
    if (expires != null) {
      b.expires(expires);
    }
    if (owner) {
      b.externalId("customer_" + ++customers);
    }
    if (credits != null) {
      b.credits(Credits.of(credits));
    }
    CreatedKey created = unkey.keys().create(b.build());
    secrets.add(created.key());
    return created.keyId();
  }

  String rootKey(String... permissions) {
    CreatedKey created =
        unkey.rootKeys().create(CreateRootKeyRequest.builder(List.of(permissions)).build());
    secrets.add(created.key());
    return created.keyId();
  }

  String bootstrapKeyId() {
    return unkey.rootKeys().listAll(ListRootKeysRequest.of()).stream()
        .filter(k -> "bootstrap".equals(k.name()))
        .findFirst()
        .orElseThrow()
        .keyId();
  }

  Instant inDays(int days) {
    return clock.instant().plus(Duration.ofDays(days));
  }

  private void plant(Kind kind, String keyId) {
    planted.add(kind + " " + keyId);
  }

  /** A report's findings as "KIND keyId", the shape of {@link #planted}. */
  static List<String> found(HygieneReport report) {
    return report.findings().stream().map(f -> f.kind() + " " + f.keyId()).toList();
  }
}
