package dev.keyward.rotation;

import dev.keyward.key.Secret;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.RootKeyInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The steps of a {@link RootKeyRotation}, each journaled before it runs and safe to run again. */
final class RootSteps {
  private final RootKeyRotation r;
  private final Storage storage;
  private String step = "start";
  private String planId = "-";

  RootSteps(RootKeyRotation r) {
    this.r = r;
    this.storage = r.journal.storage();
  }

  List<String> dryRun() {
    String oldId = oldKeyId();
    List<String> perms = r.operatorPermissions;
    String name = r.name != null ? r.name : "root key";
    Optional<RootKeyInfo> info = r.issuer.describe(oldId);
    if (info.isPresent()) {
      perms = info.get().permissions();
      name = r.name != null ? r.name : baseName(info.get().name());
    }
    String marked = name + " [rot-<plan id>]";
    List<String> lines = new ArrayList<>();
    lines.add("0. lock " + oldId + " and journal every step in " + r.journal.directory());
    lines.add(
        r.issuer.automatic()
            ? "1. create root key \""
                + marked
                + "\" with permissions "
                + perms
                + " (rootKeys.createRootKey)"
            : "1. wait for an operator to create root key \""
                + marked
                + "\" with permissions "
                + perms
                + " in the dashboard and supply it");
    lines.add(
        "2. write it to "
            + r.store
            + " as "
            + r.storeName
            + " (previous value kept as "
            + r.storeName
            + "_PREVIOUS until done)");
    lines.add("3. run the deploy hook");
    lines.add(
        "4. verify: (a) keys.verifyKey with the new key answers 200, (b) its permissions equal "
            + perms
            + (r.issuer.automatic() ? " (rootKeys.getRootKey)" : " (operator-confirmed)")
            + ", (c) the caller's check passes within "
            + r.verifier.deadline()
            + "; on failure delete the new key, restore the store, keep "
            + oldId);
    lines.add(
        "5. "
            + (r.overlap.isZero() ? "" : "after an overlap of " + r.overlap + ", ")
            + (r.issuer.automatic()
                ? "delete " + oldId + " (rootKeys.deleteRootKey)"
                : "wait for an operator to delete " + oldId + " in the dashboard"));
    return lines;
  }

  RotationReport run(boolean resumeOnly) {
    String oldId = oldKeyId();
    try (RotationJournal.Session s = r.journal.lock(oldId, "-")) {
      RootPlan p = RootPlan.fold(s.records());
      if (p.done) {
        // the old key is revoked: there is nothing left to rotate, so report the finished plan
        return drive(s);
      }
      if (!p.exists() || p.finished()) {
        if (resumeOnly) {
          throw new RotationException(
              p.exists() ? p.planId : "-", "resume", "no unfinished plan for " + oldId);
        }
        start(s, oldId);
      }
      return drive(s);
    }
  }

  RotationReport supply(String newKeyId, Secret newKey, List<String> confirmed) {
    String oldId = oldKeyId();
    try (RotationJournal.Session s = r.journal.lock(oldId, "-")) {
      RootPlan p = RootPlan.fold(s.records());
      if (!p.exists() || p.finished()) {
        start(s, oldId);
        p = RootPlan.fold(s.records());
      }
      planId = p.planId;
      if (p.createIntent || p.verified || p.rollingBack) {
        throw new RotationException(planId, "supply", "the plan is not waiting for a new key");
      }
      s.append(
          record(
              "SUPPLIED",
              "attempt",
              Integer.toString(p.attempt + 1),
              "key",
              newKeyId,
              "permissions",
              JournalRecord.joinList(confirmed)));
      storeNew(s, RootPlan.fold(s.records()), newKey, newKeyId);
      return drive(s);
    }
  }

  RotationReport confirmRevoked() {
    String oldId = oldKeyId();
    try (RotationJournal.Session s = r.journal.lock(oldId, "-")) {
      RootPlan p = RootPlan.fold(s.records());
      planId = p.exists() ? p.planId : "-";
      if (!p.exists() || !p.verified || p.finished()) {
        throw new RotationException(
            planId, "confirm", "the plan is not waiting for the old key's deletion");
      }
      s.append(record("REVOKE_CONFIRMED"));
      return drive(s);
    }
  }

  private String oldKeyId() {
    if (r.oldKeyId != null) {
      return r.oldKeyId;
    }
    return r.issuer
        .idOf(r.oldKey)
        .orElseThrow(
            () ->
                new RotationException(
                    "-", "resolve", "cannot tell the old key's id from the key: pass oldKeyId"));
  }

  private void start(RotationJournal.Session s, String oldId) {
    planId = RootKeyRotation.newPlanId(r.clock);
    step = "describe";
    Optional<RootKeyInfo> info = r.issuer.describe(oldId);
    List<String> perms;
    String source;
    String name = r.name;
    if (info.isPresent()) {
      perms = info.get().permissions();
      source = "server";
      if (!r.operatorPermissions.isEmpty()
          && !new TreeSet<>(perms).equals(new TreeSet<>(r.operatorPermissions))) {
        throw new RotationException(planId, step, "the permissions given differ from the server's");
      }
      if (name == null) {
        name = baseName(info.get().name());
      }
    } else {
      if (r.operatorPermissions.isEmpty()) {
        throw new RotationException(
            planId, step, "the server cannot describe " + oldId + ": pass permissions");
      }
      perms = r.operatorPermissions;
      source = "operator";
    }
    s.append(
        record(
            "PLAN",
            "plan",
            planId,
            "old",
            oldId,
            "name",
            name != null ? name : "root key",
            "permissions",
            JournalRecord.joinList(perms),
            "source",
            source,
            "store",
            r.storeName,
            "overlap",
            r.overlap.toString()));
  }

  private RotationReport drive(RotationJournal.Session s) {
    while (true) {
      RootPlan p = RootPlan.fold(s.records());
      planId = p.planId;
      try {
        storage.checkpoint("root.step");
        if (p.rolledBack) {
          return report(p, RotationReport.Status.ROLLED_BACK, null, rollbackInstructions(p));
        }
        if (p.done) {
          return report(p, RotationReport.Status.DONE, null, List.of());
        }
        if (p.rollingBack) {
          rollback(s, p);
        } else if (p.revoked) {
          finish(s, p);
        } else if (p.verified) {
          RotationReport waiting = revoke(s, p);
          if (waiting != null) {
            return waiting;
          }
        } else if (p.stored && !p.deployed) {
          step = "deploy";
          r.deploy.deploy(planId, p.newKeyId);
          s.append(record("DEPLOYED", "key", p.newKeyId));
        } else if (p.stored) {
          verify(s, p);
        } else if (p.createIntent) {
          cleanUp(s, p);
        } else if (r.issuer.automatic()) {
          create(s, p);
        } else {
          return report(
              p,
              RotationReport.Status.WAITING_FOR_OPERATOR,
              null,
              List.of(
                  "create a root key named \""
                      + p.newKeyName()
                      + "\" with exactly the permissions "
                      + p.permissions
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

  private void create(RotationJournal.Session s, RootPlan p) {
    step = "create";
    s.append(record("CREATE", "attempt", Integer.toString(p.attempt + 1)));
    storage.checkpoint("root.create");
    CreatedKey created = r.issuer.create(p.newKeyName(), p.permissions);
    storage.checkpoint("root.created");
    s.append(record("CREATED", "key", created.keyId()));
    storeNew(s, RootPlan.fold(s.records()), created.key(), created.keyId());
  }

  private void storeNew(RotationJournal.Session s, RootPlan p, Secret key, String keyId) {
    step = "store";
    if (!p.backedUp) {
      Optional<Secret> previous = r.store.read(p.storeName);
      storage.checkpoint("store.backup");
      previous.ifPresent(v -> r.store.write(p.backupName(), v));
      s.append(record("BACKUP", "had", Boolean.toString(previous.isPresent())));
    }
    storage.checkpoint("store.write");
    r.store.write(p.storeName, key);
    storage.checkpoint("store.written");
    s.append(record("STORED", "key", keyId));
  }

  /**
   * A key was created (or its creation may have happened) but never stored: undo it, then retry.
   */
  private void cleanUp(RotationJournal.Session s, RootPlan p) {
    step = "cleanup";
    restoreStore(p);
    if (!r.issuer.automatic()) {
      s.append(record("RESTORED"));
      return;
    }
    List<String> orphans = r.issuer.keyIdsNamedWith(p.marker());
    for (String id : orphans) {
      storage.checkpoint("root.deleteOrphan");
      r.issuer.delete(id);
    }
    s.append(record("ORPHANS", "deleted", JournalRecord.joinList(orphans)));
  }

  private void verify(RotationJournal.Session s, RootPlan p) throws InterruptedException {
    step = "verify";
    Optional<Secret> stored = r.store.read(p.storeName);
    Optional<Secret> previous = p.hadPrevious ? r.store.read(p.backupName()) : Optional.empty();
    String failure = null;
    String failedStep = "verify";
    if (stored.isEmpty()) {
      failure = "the store holds no key under " + p.storeName;
    } else if (previous.isPresent() && previous.get().equals(stored.get())) {
      failure = "the store still holds the old key";
    }
    Deadline deadline = new Deadline(r.clock, r.sleeper, r.verifier.deadline());
    if (failure == null) {
      failedStep = "verify-authenticated-call";
      storage.checkpoint("verify.a");
      failure = r.verifier.authenticates(stored.get(), deadline);
    }
    if (failure == null) {
      failedStep = "verify-permissions";
      storage.checkpoint("verify.b");
      failure = permissionsDiffer(p, stored.get());
    }
    if (failure == null) {
      failedStep = "verify-caller-check";
      storage.checkpoint("verify.c");
      failure = r.verifier.callerCheckPasses(stored.get(), deadline);
    }
    if (failure == null) {
      s.append(record("VERIFIED", "key", p.newKeyId));
    } else {
      s.append(record("ROLLBACK", "step", failedStep, "reason", failure));
    }
  }

  private @Nullable String permissionsDiffer(RootPlan p, Secret stored) {
    Optional<RootKeyInfo> info = r.issuer.describe(p.newKeyId);
    Set<String> actual;
    if (info.isPresent()) {
      if (!info.get().start().equals(stored.start())) {
        return "the stored key is not " + p.newKeyId + " (its start differs)";
      }
      actual = new TreeSet<>(info.get().permissions());
    } else {
      actual = new TreeSet<>(p.confirmedPermissions);
    }
    Set<String> expected = new TreeSet<>(p.permissions);
    if (actual.equals(expected)) {
      return null;
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    return "the new key's permissions differ: missing " + missing + ", extra " + extra;
  }

  private void rollback(RotationJournal.Session s, RootPlan p) throws Exception {
    step = "rollback";
    if (!p.storeRestored) {
      restoreStore(p);
      s.append(record("STORE_RESTORED"));
    }
    storage.checkpoint("rollback.deploy");
    if (p.deployed) {
      r.deploy.deploy(planId, p.oldKeyId);
    }
    r.store.delete(p.backupName());
    if (r.issuer.automatic()) {
      for (String id : r.issuer.keyIdsNamedWith(p.marker())) {
        storage.checkpoint("rollback.deleteNew");
        r.issuer.delete(id);
      }
    }
    s.append(record("ROLLED_BACK", "reason", p.rollbackReason));
  }

  private @Nullable RotationReport revoke(RotationJournal.Session s, RootPlan p)
      throws InterruptedException {
    step = "revoke";
    if (p.revokeAfter == null) {
      s.append(record("REVOKE_AFTER", "notBefore", r.clock.instant().plus(p.overlap).toString()));
      return null;
    }
    Instant now = r.clock.instant();
    if (now.isBefore(p.revokeAfter)) {
      if (!r.waitForOverlap) {
        return report(p, RotationReport.Status.WAITING_UNTIL, p.revokeAfter, List.of());
      }
      r.sleeper.sleep(Duration.between(now, p.revokeAfter));
      return null;
    }
    if (r.issuer.automatic()) {
      storage.checkpoint("root.revoke");
      r.issuer.delete(p.oldKeyId);
      s.append(record("REVOKED", "key", p.oldKeyId));
    } else if (p.revokeConfirmed) {
      s.append(record("REVOKED", "key", p.oldKeyId));
    } else {
      return report(
          p,
          RotationReport.Status.WAITING_FOR_OPERATOR,
          null,
          List.of(
              "delete root key "
                  + p.oldKeyId
                  + " (Settings > Root Keys > ... > Delete root key), then call"
                  + " confirmOldKeyDeleted()"));
    }
    return null;
  }

  private void finish(RotationJournal.Session s, RootPlan p) {
    step = "finish";
    if (r.issuer.automatic()) {
      for (String id : r.issuer.keyIdsNamedWith(p.marker())) {
        if (!id.equals(p.newKeyId)) {
          r.issuer.delete(id);
        }
      }
    }
    storage.checkpoint("finish.deleteBackup");
    r.store.delete(p.backupName());
    s.append(record("DONE", "key", p.newKeyId));
  }

  private void restoreStore(RootPlan p) {
    if (!p.backedUp) {
      return;
    }
    Optional<Secret> current = r.store.read(p.storeName);
    if (p.hadPrevious) {
      Secret previous =
          r.store
              .read(p.backupName())
              .orElseThrow(
                  () ->
                      new RotationException(
                          planId,
                          step,
                          "the previous value " + p.backupName() + " is missing from the store"));
      if (current.isEmpty() || !current.get().equals(previous)) {
        storage.checkpoint("store.restore");
        r.store.write(p.storeName, previous);
      }
    } else if (current.isPresent()) {
      storage.checkpoint("store.restore");
      r.store.delete(p.storeName);
    }
  }

  private List<String> rollbackInstructions(RootPlan p) {
    return r.issuer.automatic() || p.newKeyId == null
        ? List.of()
        : List.of("delete root key " + p.newKeyId + " (it failed verification)");
  }

  private RotationReport report(
      RootPlan p,
      RotationReport.Status status,
      @Nullable Instant until,
      List<String> instructions) {
    RotationException failure =
        p.rollingBack ? new RotationException(p.planId, p.rollbackStep, p.rollbackReason) : null;
    return new RotationReport(
        p.planId, status, p.oldKeyId, p.newKeyId, until, instructions, p.events, failure);
  }

  private JournalRecord record(String type, String... namesAndValues) {
    String[] all = new String[namesAndValues.length + 4];
    System.arraycopy(namesAndValues, 0, all, 0, namesAndValues.length);
    all[namesAndValues.length] = "plan";
    all[namesAndValues.length + 1] = planId;
    all[namesAndValues.length + 2] = "at";
    all[namesAndValues.length + 3] = r.clock.instant().toString();
    return JournalRecord.of(type, all);
  }

  static String baseName(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return "root key";
    }
    return name.replaceAll("\\s*\\[rot-[0-9a-z-]+\\]", "").strip();
  }
}
