package dev.keyward.rotation;

import dev.keyward.NotFoundException;
import dev.keyward.Sleeper;
import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.waiters.WaitResult;
import dev.keyward.waiters.WaiterTimeoutException;
import dev.keyward.waiters.Waiters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The playbook for a leaked root key, as one call: revoke it now (first, by design: the report
 * gives the downtime window until the replacement verified), create a replacement with the same
 * permissions, store, deploy, verify, wait until calls with the leaked key are refused (HTTP 401,
 * three times in a row: revocations take up to a minute to reach every verifier), then list API
 * keys created or updated since an instant and optionally reroll or delete them. The review comes
 * after the wait, so that keys the leaked key created while its revocation propagated are listed
 * too. The leaked key's plaintext for the wait is the store's value when the playbook starts, if
 * its start matches the leaked key's; otherwise the report's {@code REVOCATION_UNCHECKED} event
 * says so.
 *
 * <pre>{@code
 * LeakReport report = LeakResponse.builder()
 *     .leakedKeyId("key_3ZbF1Sq7mTu8b6Yy2xXLKf")
 *     .issuer(RootKeyIssuer.of(admin))
 *     .store(SecretStore.envFile(Path.of(".env")), "UNKEY_ROOT_KEY")
 *     .verifier(RotationVerifier.authenticatingWith(k -> UnkeyHttpClient.builder().rootKey(k).build()))
 *     .reviewApiKeys(admin, List.of("api_123"), leakNoticedAt.minus(Duration.ofDays(2)))
 *     .reroll(Duration.ZERO, (oldKeyId, created) -> mailer.send(customerOf(oldKeyId), created.key()))
 *     .build()
 *     .execute();
 * }</pre>
 */
public final class LeakResponse {
  /** What to do with the API keys created or updated since the leak. */
  public enum Action {
    /** Only list them in the report. */
    LIST,
    /** Reroll each, delivering the successor through the callback. */
    REROLL,
    /** Delete each. */
    DELETE
  }

  private final String leakedKeyId;
  private final RootKeyIssuer issuer;
  private final SecretStore store;
  private final String storeName;
  private final RootKeyRotation.DeployHook deploy;
  private final RotationVerifier verifier;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration revocationTimeout;
  private final @Nullable Unkey reviewer;
  private final List<String> apiIds;
  private final @Nullable Instant since;
  private final Action action;
  private final Duration grace;
  private final ApiKeyRotation.@Nullable NewKeyConsumer onNewKey;
  private final List<RotationEvent> events = new ArrayList<>();
  private final String marker;

  private LeakResponse(Builder b) {
    leakedKeyId = Objects.requireNonNull(b.leakedKeyId, "leakedKeyId is required");
    issuer = Objects.requireNonNull(b.issuer, "issuer is required");
    if (!issuer.automatic()) {
      throw new IllegalStateException(
          "LeakResponse needs an issuer that creates keys: on unkey.com, delete the"
              + " key in the dashboard first, then run a RootKeyRotation of a new key");
    }
    store = Objects.requireNonNull(b.store, "store is required");
    storeName = Objects.requireNonNull(b.storeName, "store is required");
    deploy = b.deploy;
    verifier = Objects.requireNonNull(b.verifier, "verifier is required");
    clock = b.clock;
    sleeper = b.sleeper;
    revocationTimeout = b.revocationTimeout;
    reviewer = b.reviewer;
    apiIds = List.copyOf(b.apiIds);
    since = b.since;
    action = b.action;
    grace = b.grace;
    onNewKey = b.onNewKey;
    marker = "[" + RootKeyRotation.newPlanId(clock).replaceFirst("^rot-", "leak-") + "]";
  }

  /** Starts a leak response. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the playbook; failures after the revocation are in {@link LeakReport#failure()}. It holds
   * the store's rotation lock for the leaked key throughout, so a rotation of that key cannot roll
   * the store back over the replacement (losing its only copy).
   *
   * @throws ConcurrentRotationException before revoking anything, if a rotation of the leaked key
   *     holds the store's lock: let it finish (or stop it), then run the playbook again
   */
  @SuppressWarnings("try") // the lock is held for the block, never read
  public LeakReport execute() {
    try (SecretStore.RotationLock lock = store.lockForRotation(leakedKeyId)) {
      return run();
    }
  }

  private LeakReport run() {
    String step = "describe";
    Instant revokedAt = null;
    String replacement = null;
    Instant verifiedAt = null;
    List<String> suspicious = new ArrayList<>();
    try {
      RootKeyInfo leaked =
          issuer
              .describe(leakedKeyId)
              .orElseThrow(
                  () ->
                      new RotationException(
                          marker, "describe", "the server cannot describe " + leakedKeyId));
      event("DESCRIBED", "key=" + leakedKeyId + " permissions=" + leaked.permissions());
      Optional<Secret> leakedSecret =
          store.read(storeName).filter(s -> s.start().equals(leaked.start()));
      step = "revoke";
      issuer.delete(leakedKeyId);
      revokedAt = clock.instant();
      event("REVOKED", "key=" + leakedKeyId + " (downtime starts)");
      step = "create";
      CreatedKey created =
          issuer.create(RootSteps.baseName(leaked.name()) + " " + marker, leaked.permissions());
      replacement = created.keyId();
      event("CREATED", "key=" + replacement);
      step = "store";
      store.write(storeName, created.key());
      event("STORED", "key=" + replacement + " name=" + storeName);
      step = "deploy";
      deploy.deploy(marker, replacement);
      event("DEPLOYED", "key=" + replacement);
      step = "verify";
      String failure = verify(created.key(), replacement, leaked.permissions());
      if (failure != null) {
        throw new RotationException(marker, step, failure);
      }
      verifiedAt = clock.instant();
      event("VERIFIED", "key=" + replacement + " (downtime ends)");
      step = "await-revocation";
      RotationException unconfirmed = awaitRevocation(leakedSecret);
      step = "review";
      review(suspicious);
      if (unconfirmed != null) {
        event("FAILED", "step=" + unconfirmed.step());
      }
      return new LeakReport(
          leakedKeyId, replacement, revokedAt, verifiedAt, suspicious, events, unconfirmed);
    } catch (RotationException e) {
      return failed(e, revokedAt, replacement, verifiedAt, suspicious);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(
          new RotationException(marker, step, "interrupted", e),
          revokedAt,
          replacement,
          verifiedAt,
          suspicious);
    } catch (Exception e) {
      return failed(
          new RotationException(marker, step, "step failed", e),
          revokedAt,
          replacement,
          verifiedAt,
          suspicious);
    }
  }

  private LeakReport failed(
      RotationException e,
      @Nullable Instant revokedAt,
      @Nullable String replacement,
      @Nullable Instant verifiedAt,
      List<String> suspicious) {
    event("FAILED", "step=" + e.step());
    if (revokedAt == null) {
      throw e;
    }
    return new LeakReport(leakedKeyId, replacement, revokedAt, verifiedAt, suspicious, events, e);
  }

  private @Nullable String verify(Secret key, String keyId, List<String> permissions)
      throws InterruptedException {
    Deadline deadline = new Deadline(clock, sleeper, verifier.deadline());
    String failure = verifier.authenticates(key, deadline);
    if (failure != null) {
      return failure;
    }
    Optional<RootKeyInfo> info = issuer.describe(keyId);
    Set<String> actual = new TreeSet<>(info.map(RootKeyInfo::permissions).orElse(List.of()));
    if (!actual.equals(new TreeSet<>(permissions))) {
      return "the replacement's permissions differ from the leaked key's";
    }
    return verifier.callerCheckPasses(key, deadline);
  }

  /**
   * Waits until the leaked key is refused; a timeout is returned (the review still runs), not
   * thrown.
   */
  private @Nullable RotationException awaitRevocation(Optional<Secret> leakedSecret)
      throws InterruptedException {
    if (leakedSecret.isEmpty()) {
      event("REVOCATION_UNCHECKED", "key=" + leakedKeyId + " (its plaintext is not in the store)");
      return null;
    }
    try {
      WaitResult seen =
          Waiters.of(verifier.clientFor(leakedSecret.get()))
              .clock(clock)
              .sleeper(sleeper)
              .timeout(revocationTimeout)
              .awaitRootKeyRevoked(leakedSecret.get());
      event(
          "REVOCATION_SEEN",
          "key=" + leakedKeyId + " calls=" + seen.polls() + " waited=" + seen.waited());
      return null;
    } catch (WaiterTimeoutException e) {
      event("REVOCATION_UNCONFIRMED", "key=" + leakedKeyId);
      return new RotationException(
          marker,
          "await-revocation",
          "root key " + leakedKeyId + " is deleted but calls with it were still not refused",
          e);
    }
  }

  private void review(List<String> suspicious) throws Exception {
    if (reviewer == null || since == null) {
      return;
    }
    for (String apiId : apiIds) {
      for (KeyInfo k :
          reviewer.apis().listKeysAll(ListKeysRequest.builder(apiId).limit(100).build())) {
        boolean created = !k.createdAt().isBefore(since);
        boolean updated = k.updatedAt() != null && !k.updatedAt().isBefore(since);
        if (!created && !updated) {
          continue;
        }
        suspicious.add(k.keyId());
        event(
            "FOUND",
            "key="
                + k.keyId()
                + " api="
                + apiId
                + (created ? " created=" + k.createdAt() : "")
                + (updated ? " updated=" + k.updatedAt() : ""));
        try {
          if (action == Action.REROLL) {
            CreatedKey successor = ApiKeyRotation.reroll(reviewer, k.keyId(), grace);
            event("REROLLED", "key=" + k.keyId() + " new=" + successor.keyId());
            onNewKey.accept(k.keyId(), successor);
          } else if (action == Action.DELETE) {
            reviewer.keys().delete(k.keyId());
            event("DELETED", "key=" + k.keyId());
          }
        } catch (NotFoundException e) {
          event("GONE", "key=" + k.keyId());
        } catch (UnkeyException e) {
          event("FAILED", "key=" + k.keyId() + " " + e.getMessage());
        }
      }
    }
  }

  private void event(String step, String detail) {
    events.add(new RotationEvent(clock.instant(), step, detail));
  }

  /** Builds a {@link LeakResponse}. */
  public static final class Builder {
    private @Nullable String leakedKeyId;
    private @Nullable RootKeyIssuer issuer;
    private @Nullable SecretStore store;
    private @Nullable String storeName;
    private RootKeyRotation.DeployHook deploy = (planId, keyId) -> {};
    private @Nullable RotationVerifier verifier;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration revocationTimeout = Duration.ofMinutes(2);
    private @Nullable Unkey reviewer;
    private List<String> apiIds = List.of();
    private @Nullable Instant since;
    private Action action = Action.LIST;
    private Duration grace = Duration.ZERO;
    private ApiKeyRotation.@Nullable NewKeyConsumer onNewKey;

    Builder() {}

    /** The leaked root key's id. */
    public Builder leakedKeyId(String keyId) {
      this.leakedKeyId = Objects.requireNonNull(keyId, "keyId == null");
      return this;
    }

    /** Who deletes and creates root keys (must be automatic). */
    public Builder issuer(RootKeyIssuer issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer == null");
      return this;
    }

    /** Where the replacement goes. */
    public Builder store(SecretStore store, String name) {
      this.store = Objects.requireNonNull(store, "store == null");
      this.storeName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Deploys the replacement. */
    public Builder deploy(RootKeyRotation.DeployHook deploy) {
      this.deploy = Objects.requireNonNull(deploy, "deploy == null");
      return this;
    }

    /** Proves the replacement works. */
    public Builder verifier(RotationVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier == null");
      return this;
    }

    /** The clock of every timestamp. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How verification waits. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * How long, after the leaked key is deleted, to wait for calls with it to be refused (HTTP 401
     * three times in a row) before the review (positive; default two minutes). If it passes first,
     * the review still runs and {@link LeakReport#failure()} names step {@code await-revocation}.
     */
    public Builder revocationTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.revocationTimeout = timeout;
      return this;
    }

    /**
     * Lists API keys of {@code apiIds} created or updated at or after {@code since}, through {@code
     * unkey}.
     */
    public Builder reviewApiKeys(Unkey unkey, List<String> apiIds, Instant since) {
      this.reviewer = Objects.requireNonNull(unkey, "unkey == null");
      this.apiIds = List.copyOf(apiIds);
      this.since = Objects.requireNonNull(since, "since == null");
      return this;
    }

    /** Rerolls each reviewed key with {@code grace}, handing each successor to {@code onNewKey}. */
    public Builder reroll(Duration grace, ApiKeyRotation.NewKeyConsumer onNewKey) {
      this.action = Action.REROLL;
      this.grace = Objects.requireNonNull(grace, "grace == null");
      this.onNewKey = Objects.requireNonNull(onNewKey, "onNewKey == null");
      return this;
    }

    /** Deletes each reviewed key. */
    public Builder deleteReviewedKeys() {
      this.action = Action.DELETE;
      return this;
    }

    /** Builds the playbook; nothing runs until {@link LeakResponse#execute()}. */
    public LeakResponse build() {
      return new LeakResponse(this);
    }
  }
}
