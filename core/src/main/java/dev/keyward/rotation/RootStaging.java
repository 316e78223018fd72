package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The store steps of a {@link RootKeyRotation} on a {@link VersionedSecretStore}: the new key is
 * staged as PENDING under an idempotency token the journal recorded first, verified while pending,
 * then promoted to CURRENT (the old key becomes PREVIOUS), so services only ever see a verified key
 * and a rollback just drops the pending value. A run that crashed after staging finds its pending
 * value by the journaled token and stages it again with that token, which creates no second
 * version.
 */
final class RootStaging {
  /** A lease outlives the longest step by this much, plus the overlap window it may sleep. */
  static final Duration LEASE_MARGIN = Duration.ofMinutes(15);

  private final RootKeyRotation rotation;
  private final Storage storage;
  private final VersionedSecretStore store;

  RootStaging(RootKeyRotation rotation, Storage storage) {
    this.rotation = rotation;
    this.storage = storage;
    this.store = (VersionedSecretStore) rotation.store;
  }

  static boolean applies(RootKeyRotation rotation) {
    return rotation.store instanceof VersionedSecretStore;
  }

  /** A fresh idempotency token for one attempt's store write: 36 characters, no secret. */
  static String newToken() {
    return UUID.randomUUID().toString();
  }

  /**
   * Takes the store's lease on the rotated name, held by the old key's id, this process and host
   * (so a refusal elsewhere names who rotates), for the longest a plan holds it without renewing.
   */
  VersionedSecretStore.Lease lease(String oldId) {
    String host = System.getenv("HOSTNAME");
    String holder =
        oldId
            + "@"
            + ProcessHandle.current().pid()
            + (host != null && host.matches("[A-Za-z0-9_.-]{1,100}") ? "." + host : "");
    if (!VersionedSecretStore.HOLDER.matcher(holder).matches()) {
      holder = "pid" + ProcessHandle.current().pid();
    }
    try {
      return store.tryLock(rotation.storeName, holder, LEASE_MARGIN.plus(rotation.overlap));
    } catch (ConcurrentRotationException e) {
      throw new ConcurrentRotationException(
          "-",
          oldId,
          e.holder().orElse(null),
          "root key "
              + oldId
              + " cannot be rotated now: "
              + e.getMessage()
              + " (the store's lease on "
              + rotation.storeName
              + ")");
    }
  }

  /** Stages {@code key} under the plan's token; returns its version. */
  SecretVersion stage(RootPlan plan, Secret key) {
    storage.checkpoint("store.stage");
    VersionedSecret staged = store.stage(plan.storeName, key, token(plan));
    storage.checkpoint("store.staged");
    return staged.version();
  }

  /**
   * After a crash between the journaled token and the STORED record: the version the token created,
   * staged again with the same token (the store returns it, creating none); null if the store never
   * got it.
   */
  @Nullable SecretVersion recover(RootPlan plan) {
    String token = token(plan);
    Optional<VersionedSecret> pending =
        store.readStage(plan.storeName, VersionedSecretStore.Stage.PENDING);
    if (pending.isEmpty() || !pending.get().idempotencyToken().orElse("").equals(token)) {
      return null;
    }
    return stage(plan, pending.get().value());
  }

  /** The staged key, if the store still holds the plan's version (pending, or current). */
  Optional<Secret> stagedValue(RootPlan plan) {
    for (VersionedSecretStore.Stage stage :
        new VersionedSecretStore.Stage[] {
          VersionedSecretStore.Stage.PENDING, VersionedSecretStore.Stage.CURRENT
        }) {
      Optional<VersionedSecret> v = store.readStage(plan.storeName, stage);
      if (v.isPresent() && v.get().version().equals(plan.stagedVersion)) {
        return Optional.of(v.get().value());
      }
    }
    return Optional.empty();
  }

  /** Promotes the verified pending version; idempotent. */
  SecretVersion promote(RootPlan plan) {
    storage.checkpoint("store.promote");
    VersionedSecret current = store.promote(plan.storeName, version(plan));
    storage.checkpoint("store.promoted");
    return current.version();
  }

  /** Drops the plan's pending version, if it is still pending. */
  void unstage(RootPlan plan) {
    if (plan.stagedVersion != null) {
      storage.checkpoint("store.unstage");
      store.unstage(plan.storeName, plan.stagedVersion);
    }
  }

  private static String token(RootPlan plan) {
    if (plan.stageToken == null) {
      throw new RotationException(plan.planId, "store", "the journal holds no store token");
    }
    return plan.stageToken;
  }

  private static SecretVersion version(RootPlan plan) {
    if (plan.stagedVersion == null) {
      throw new RotationException(plan.planId, "promote", "the journal holds no staged version");
    }
    return plan.stagedVersion;
  }
}
