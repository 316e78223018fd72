package dev.keyward.rotation;

import dev.keyward.Unkey;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.RerollKeyRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Rotates API keys by reroll: Unkey issues a successor with the old key's configuration and keeps
 * the old key valid for a grace period. {@link #reroll} does one key; {@link #bulk} does every key
 * of an API (or those a filter selects) with bounded concurrency, a progress listener and a
 * journal, so that each old key ends with exactly one live successor whose secret reached the
 * caller.
 *
 * <p>When a reroll's answer is lost (a 5xx or a dropped connection after the server applied it),
 * the old key's expiry is restored first, then the successor the server made is found and deleted
 * before the retry: Unkey does not link a successor to its old key, so it is recognised as a key
 * that is no target and no known successor, created since the attempt, with the old key's name,
 * identity and meta. A key your own application creates with exactly those attributes during that
 * window would be taken for one; run bulk rerolls when that cannot happen, or give keys distinct
 * names or meta.
 *
 * <pre>{@code
 * BulkRerollReport report = ApiKeyRotation.bulk(unkey, "api_123")
 *     .createdBefore(Instant.parse("2026-01-01T00:00:00Z"))
 *     .grace(Duration.ofDays(7))
 *     .journal(RotationJournal.open(Path.of("/var/lib/billing/reroll-journal")))
 *     .onNewKey((oldKeyId, created) -> mailer.send(customerOf(oldKeyId), created.key()))
 *     .progress(p -> log.info("reroll {}", p))
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>The journal's path should be absolute and the same for every run: a resumed reroll finds its
 * plan only there, and a relative path depends on the working directory.
 */
public final class ApiKeyRotation {
  /** Receives each successor's secret; it must keep it (deliver, store) before returning. */
  @FunctionalInterface
  public interface NewKeyConsumer {
    /**
     * Takes the successor of {@code oldKeyId}. After a crash it may be called again for the same
     * old key with a different successor: the last one it received is the live one, every earlier
     * one is deleted.
     */
    void accept(String oldKeyId, CreatedKey successor) throws Exception;
  }

  private ApiKeyRotation() {}

  /** Rerolls one key: the old key stays valid for {@code grace} (zero revokes it at once). */
  public static CreatedKey reroll(Unkey unkey, String keyId, Duration grace) {
    Objects.requireNonNull(unkey, "unkey == null");
    return unkey.keys().reroll(RerollKeyRequest.of(keyId, grace));
  }

  /** Starts a bulk reroll of the keys of {@code apiId}. */
  public static BulkReroll.Builder bulk(Unkey unkey, String apiId) {
    return new BulkReroll.Builder(unkey, apiId);
  }
}
