package dev.keyward.rotation;

import dev.keyward.key.Secret;
import dev.keyward.model.CreatedKey;
import dev.keyward.rotation.JournalRecord.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The steps of a {@link RootKeyRotation}, each journaled before it runs and safe to run again. */
final class RootSteps {
  private final RootKeyRotation rotation;
  private final Storage storage;
  private String step = "start";
  private String planId = "-";
  private VersionedSecretStore.@Nullable Lease lease;

  RootSteps(RootKeyRotation rotation) {
    this.rotation = rotation;
    this.storage = rotation.journal.storage();
  }

  List<String> dryRun() {
    return RootDryRun.lines(rotation, oldKeyId());
  }

  @SuppressWarnings("try") // the store lock is held for the block, never read
  RotationReport run(boolean resumeOnly) {
    String oldId = oldKeyId();
    try (SecretStore.RotationLock storeLock = lockStore(oldId);
        RotationJournal.Session session = rotation.journal.lock(oldId, "-")) {
      RootPlan plan = RootPlan.foldFor(session.records(), oldId);
      if (plan.done) {
        // the old key is revoked: there is nothing left to rotate, so report the finished plan
        return drive(session);
      }
      if (!plan.exists() || plan.finished()) {
        if (resumeOnly) {
          throw new RotationException(
              plan.exists() ? plan.planId : "-", "resume", "no unfinished plan for " + oldId);
        }
        start(session, oldId);
      }
      return drive(session);
    }
  }

  @SuppressWarnings("try") // the store lock is held for the block, never read
  RotationReport supply(String newKeyId, Secret newKey, List<String> confirmed) {
    String oldId = oldKeyId();
    try (SecretStore.RotationLock storeLock = lockStore(oldId);
        RotationJournal.Session session = rotation.journal.lock(oldId, "-")) {
      RootPlan plan = RootPlan.foldFor(session.records(), oldId);
      if (!plan.exists() || plan.finished()) {
        start(session, oldId);
        plan = RootPlan.fold(session.records());
      }
      planId = plan.planId;
      if (plan.createIntent || plan.verified || plan.rollingBack) {
        throw new RotationException(planId, "supply", "the plan is not waiting for a new key");
      }
      session.append(
          record(
              Type.SUPPLIED,
              "attempt",
              Integer.toString(plan.attempt + 1),
              "key",
              newKeyId,
              "permissions",
              JournalRecord.joinList(confirmed),
              "token",
              plan.staged ? RootStaging.newToken() : "-"));
      storeNew(session, RootPlan.fold(session.records()), newKey, newKeyId);
      return drive(session);
    }
  }

  @SuppressWarnings("try") // the store lock is held for the block, never read
  RotationReport confirmRevoked() {
    String oldId = oldKeyId();
    try (SecretStore.RotationLock storeLock = lockStore(oldId);
        RotationJournal.Session session = rotation.journal.lock(oldId, "-")) {
      RootPlan plan = RootPlan.foldFor(session.records(), oldId);
      planId = plan.exists() ? plan.planId : "-";
      if (!plan.exists() || !plan.verified || plan.finished()) {
        throw new RotationException(
            planId, "confirm", "the plan is not waiting for the old key's deletion");
      }
      session.append(record(Type.REVOKE_CONFIRMED));
      return drive(session);
    }
  }

  /** The store's lock comes first: it keeps out a rotation of this key with another journal. */
  private SecretStore.RotationLock lockStore(String oldId) {
    try {
      if (RootStaging.applies(rotation)) {
        lease = new RootStaging(rotation, storage).lease(oldId);
        return lease;
      }
      return rotation.store.lockForRotation(oldId);
    } catch (RotationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RotationException("-", "lock", "cannot take the store's rotation lock", e);
    }
  }

  private String oldKeyId() {
    if (rotation.oldKeyId != null) {
      return rotation.oldKeyId;
    }
    return rotation
        .issuer
        .idOf(rotation.oldKey)
        .orElseThrow(
            () ->
                new RotationException(
                    "-", "resolve", "cannot tell the old key's id from the key: pass oldKeyId"));
  }

  private void start(RotationJournal.Session session, String oldId) {
    planId = RootKeyRotation.newPlanId(rotation.clock);
    step = "describe";
    RootOldKey known = RootOldKey.describe(rotation, oldId, planId);
    session.append(
        record(
            Type.PLAN,
            "plan",
            planId,
            "old",
            oldId,
            "name",
            known.name != null ? known.name : "root key",
            "permissions",
            JournalRecord.joinList(known.permissions),
            "source",
            known.source,
            "store",
            rotation.storeName,
            "overlap",
            rotation.overlap.toString(),
            "flow",
            RootStaging.applies(rotation) ? "staged" : "direct"));
  }

  private RotationReport drive(RotationJournal.Session session) {
    while (true) {
      RootPlan plan = RootPlan.fold(session.records());
      planId = plan.planId;
      try {
        storage.checkpoint("root.step");
        if (lease != null) {
          lease.renew(); // a lease that expired and was taken stops the plan before the next step
        }
        if (plan.rolledBack) {
          return report(plan, RotationReport.Status.ROLLED_BACK, null, rollbackInstructions(plan));
        }
        if (plan.done) {
          return report(plan, RotationReport.Status.DONE, null, List.of());
        }
        if (plan.rollingBack) {
          rollback(session, plan);
        } else if (plan.revoked && !plan.revocationAwaited) {
          step = "await-revocation";
          RootRevocationWait.Outcome seen = new RootRevocationWait(rotation, storage).await(plan);
          session.append(record(seen.type(), seen.fields()));
        } else if (plan.revoked) {
          finish(session, plan);
        } else if (plan.staged && plan.verified && !plan.deployed) {
          promoteAndDeploy(session, plan);
        } else if (plan.verified) {
          RotationReport waiting = revoke(session, plan);
          if (waiting != null) {
            return waiting;
          }
        } else if (plan.stored && !plan.deployed && !plan.staged) {
          step = "deploy";
          rotation.deploy.deploy(planId, plan.newKeyId);
          session.append(record(Type.DEPLOYED, "key", plan.newKeyId));
        } else if (plan.stored) {
          verify(session, plan);
        } else if (plan.createIntent) {
          cleanUp(session, plan);
        } else if (rotation.issuer.automatic()) {
          create(session, plan);
        } else {
          return report(
              plan,
              RotationReport.Status.WAITING_FOR_OPERATOR,
              null,
              List.of(
                  "create a root key named \""
                      + plan.newKeyName()
                      + "\" with exactly the permissions "
                      + plan.permissions
                      + " (Settings > Root Keys > Create New Key), then call supplyNewKey("
                      + "keyId, key, permissions) with the permissions you selected"));
        }
      } catch (RotationException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RotationException(planId, step, "interrupted; resume() continues", e);
      } catch (Exception e) {
        throw new RotationException(planId, step, "step failed; resume() continues", e);
      }
    }
  }

  private void create(RotationJournal.Session session, RootPlan plan) {
    step = "create";
    session.append(record(Type.CREATE, "attempt", Integer.toString(plan.attempt + 1)));
    storage.checkpoint("root.create");
    CreatedKey created = rotation.issuer.create(plan.newKeyName(), plan.permissions);
    storage.checkpoint("root.created");
    session.append(
        record(
            Type.CREATED,
            "key",
            created.keyId(),
            "token",
            plan.staged ? RootStaging.newToken() : "-"));
    storeNew(session, RootPlan.fold(session.records()), created.key(), created.keyId());
  }

  private void storeNew(RotationJournal.Session session, RootPlan plan, Secret key, String keyId) {
    step = "store";
    if (plan.staged) {
      SecretVersion version = new RootStaging(rotation, storage).stage(plan, key);
      session.append(stored(keyId, version, plan));
      return;
    }
    if (!plan.backedUp) {
      Optional<Secret> previous = rotation.store.read(plan.storeName);
      storage.checkpoint("store.backup");
      previous.ifPresent(v -> rotation.store.write(plan.backupName(), v));
      session.append(record(Type.BACKUP, "had", Boolean.toString(previous.isPresent())));
    }
    storage.checkpoint("store.write");
    rotation.store.write(plan.storeName, key);
    storage.checkpoint("store.written");
    session.append(record(Type.STORED, "key", keyId));
  }

  /**
   * A key was created (or its creation may have happened) but never stored: undo it, then retry.
   */
  private void cleanUp(RotationJournal.Session session, RootPlan plan) {
    step = "cleanup";
    if (plan.staged && plan.newKeyId != null && plan.stageToken != null) {
      SecretVersion version = new RootStaging(rotation, storage).recover(plan);
      if (version != null) {
        session.append(stored(plan.newKeyId, version, plan));
        return;
      }
    }
    RootBackup.restore(rotation, storage, plan, step);
    if (!rotation.issuer.automatic()) {
      session.append(record(Type.RESTORED));
      return;
    }
    List<String> orphans = rotation.issuer.keyIdsNamedWith(plan.marker());
    for (String id : orphans) {
      storage.checkpoint("root.deleteOrphan");
      rotation.issuer.delete(id);
    }
    session.append(record(Type.ORPHANS, "deleted", JournalRecord.joinList(orphans)));
  }

  private void verify(RotationJournal.Session session, RootPlan plan) throws InterruptedException {
    step = "verify";
    RootVerification.Failure failure = new RootVerification(rotation, storage).check(plan);
    if (failure == null) {
      session.append(record(Type.VERIFIED, "key", plan.newKeyId));
    } else {
      session.append(record(Type.ROLLBACK, "step", failure.step(), "reason", failure.reason()));
    }
  }

  private void rollback(RotationJournal.Session session, RootPlan plan) throws Exception {
    step = "rollback";
    if (!plan.storeRestored) {
      RootBackup.restore(rotation, storage, plan, step);
      session.append(record(Type.STORE_RESTORED));
    }
    storage.checkpoint("rollback.deploy");
    if (plan.deployed) {
      rotation.deploy.deploy(planId, plan.oldKeyId);
    }
    rotation.store.delete(plan.backupName());
    if (rotation.issuer.automatic()) {
      for (String id : rotation.issuer.keyIdsNamedWith(plan.marker())) {
        storage.checkpoint("rollback.deleteNew");
        rotation.issuer.delete(id);
      }
    }
    session.append(record(Type.ROLLED_BACK, "reason", plan.rollbackReason));
  }

  /** A staged plan: the verified key becomes current, then is deployed. */
  private void promoteAndDeploy(RotationJournal.Session session, RootPlan plan) throws Exception {
    if (!plan.promoted) {
      step = "promote";
      SecretVersion current = new RootStaging(rotation, storage).promote(plan);
      session.append(record(Type.PROMOTED, "version", current.token()));
      return;
    }
    step = "deploy";
    rotation.deploy.deploy(planId, plan.newKeyId);
    session.append(record(Type.DEPLOYED, "key", plan.newKeyId));
  }

  private JournalRecord stored(String keyId, SecretVersion version, RootPlan plan) {
    return record(Type.STORED, "key", keyId, "version", version.token(), "token", plan.stageToken);
  }

  private @Nullable RotationReport revoke(RotationJournal.Session session, RootPlan plan)
      throws InterruptedException {
    step = "revoke";
    if (plan.revokeAfter == null) {
      session.append(
          record(
              Type.REVOKE_AFTER,
              "notBefore",
              rotation.clock.instant().plus(plan.overlap).toString()));
      return null;
    }
    Instant now = rotation.clock.instant();
    if (now.isBefore(plan.revokeAfter)) {
      if (!rotation.waitForOverlap) {
        return report(plan, RotationReport.Status.WAITING_UNTIL, plan.revokeAfter, List.of());
      }
      rotation.sleeper.sleep(Duration.between(now, plan.revokeAfter));
      return null;
    }
    if (rotation.issuer.automatic()) {
      storage.checkpoint("root.revoke");
      rotation.issuer.delete(plan.oldKeyId);
      session.append(record(Type.REVOKED, "key", plan.oldKeyId));
    } else if (plan.revokeConfirmed) {
      session.append(record(Type.REVOKED, "key", plan.oldKeyId));
    } else {
      return report(
          plan,
          RotationReport.Status.WAITING_FOR_OPERATOR,
          null,
          List.of(
              "delete root key "
                  + plan.oldKeyId
                  + " (Settings > Root Keys > ... > Delete root key), then call"
                  + " confirmOldKeyDeleted()"));
    }
    return null;
  }

  private void finish(RotationJournal.Session session, RootPlan plan) {
    step = "finish";
    if (rotation.issuer.automatic()) {
      for (String id : rotation.issuer.keyIdsNamedWith(plan.marker())) {
        if (!id.equals(plan.newKeyId)) {
          rotation.issuer.delete(id);
        }
      }
    }
    storage.checkpoint("finish.deleteBackup");
    rotation.store.delete(plan.backupName());
    session.append(record(Type.DONE, "key", plan.newKeyId));
  }

  private List<String> rollbackInstructions(RootPlan plan) {
    return rotation.issuer.automatic() || plan.newKeyId == null
        ? List.of()
        : List.of("delete root key " + plan.newKeyId + " (it failed verification)");
  }

  private static RotationReport report(
      RootPlan plan, RotationReport.Status status, @Nullable Instant until, List<String> text) {
    return plan.report(status, until, text); // the report is the plan's view
  }

  private JournalRecord record(Type type, String... namesAndValues) {
    String[] all = new String[namesAndValues.length + 4];
    System.arraycopy(namesAndValues, 0, all, 0, namesAndValues.length);
    all[namesAndValues.length] = "plan";
    all[namesAndValues.length + 1] = planId;
    all[namesAndValues.length + 2] = "at";
    all[namesAndValues.length + 3] = rotation.clock.instant().toString();
    return JournalRecord.of(type, all);
  }

  static String baseName(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return "root key";
    }
    return name.replaceAll("\\s*\\[rot-[0-9a-z-]+\\]", "").strip();
  }
}
