package dev.keyward.rotation;

import dev.keyward.rotation.JournalRecord.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of the latest root-key plan, folded from its journal records. Record types, in order:
 * PLAN, (CREATE, CREATED | SUPPLIED, BACKUP, STORED, RESTORED, ORPHANS)*, DEPLOYED, VERIFIED,
 * REVOKE_AFTER, REVOKE_CONFIRMED, REVOKED, REVOCATION_SEEN | REVOCATION_UNCHECKED, DONE; or
 * ROLLBACK then ROLLED_BACK. A plan journaled by an older keyward has no REVOCATION_ record after
 * REVOKED: it awaits the revocation on resume, which only reads. A staged plan (PLAN {@code
 * flow=staged}, on a {@link VersionedSecretStore}) journals its store token in CREATED or SUPPLIED
 * and the staged version in STORED, verifies, then writes PROMOTED before DEPLOYED.
 */
final class RootPlan {
  @Nullable String planId;
  String oldKeyId = "";
  String baseName = "";
  List<String> permissions = List.of();
  String permissionsSource = "server";
  String storeName = "";
  Duration overlap = Duration.ZERO;
  int attempt;
  boolean createIntent;
  @Nullable String newKeyId;
  List<String> confirmedPermissions = List.of();
  boolean backedUp;
  boolean hadPrevious;
  boolean stored;
  boolean deployed;
  boolean verified;
  @Nullable Instant revokeAfter;
  boolean revokeConfirmed;
  boolean revoked;
  boolean revocationAwaited;
  boolean done;
  boolean rollingBack;
  @Nullable String rollbackReason;
  @Nullable String rollbackStep;
  boolean storeRestored;
  boolean staged;
  @Nullable String stageToken;
  @Nullable SecretVersion stagedVersion;
  boolean promoted;
  boolean rolledBack;
  final List<RotationEvent> events = new ArrayList<>();

  /** Folds the records of the last plan in {@code records}. */
  static RootPlan fold(List<JournalRecord> records) {
    int start = -1;
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).is(Type.PLAN)) {
        start = i;
      }
    }
    RootPlan plan = new RootPlan();
    if (start < 0) {
      return plan;
    }
    for (JournalRecord record : records.subList(start, records.size())) {
      plan.apply(record);
    }
    return plan;
  }

  /**
   * The last plan in the journal file of {@code oldId}, which must be a plan for that key: a file
   * copied or renamed from another key's would otherwise drive that key's plan (and revoke it).
   */
  static RootPlan foldFor(List<JournalRecord> records, String oldId) {
    RootPlan plan = fold(records);
    if (plan.exists() && !plan.oldKeyId.equals(oldId)) {
      throw new RotationException(
          plan.planId,
          "journal",
          "the journal file of "
              + oldId
              + " holds a plan for another key, "
              + plan.oldKeyId
              + ": it was copied or renamed; move it back or aside");
    }
    return plan;
  }

  /** The report of this plan in {@code status}. */
  RotationReport report(
      RotationReport.Status status, @Nullable Instant until, List<String> instructions) {
    RotationException failure =
        rollingBack ? new RotationException(planId, rollbackStep, rollbackReason) : null;
    return new RotationReport(
        planId, status, oldKeyId, newKeyId, until, instructions, events, failure);
  }

  boolean exists() {
    return planId != null;
  }

  boolean finished() {
    return done || rolledBack;
  }

  String marker() {
    return "[" + planId + "]";
  }

  String newKeyName() {
    return baseName + " " + marker();
  }

  String backupName() {
    return storeName + "_PREVIOUS";
  }

  private void apply(JournalRecord record) {
    String at = record.get("at");
    if (at != null) {
      events.add(new RotationEvent(Instant.parse(at), record.type(), describe(record)));
    }
    Type type = record.knownType();
    if (type == null) {
      return; // a record type from a newer keyward: ignored, as its step is unknown here
    }
    switch (type) {
      case PLAN -> {
        planId = record.require("plan");
        oldKeyId = record.require("old");
        baseName = record.require("name");
        permissions = record.list("permissions");
        permissionsSource = record.require("source");
        storeName = record.require("store");
        overlap = Duration.parse(record.require("overlap"));
        staged = "staged".equals(record.get("flow"));
      }
      case CREATE -> {
        attempt = Integer.parseInt(record.require("attempt"));
        createIntent = true;
        newKeyId = null;
        stored = false;
        stageToken = null;
        stagedVersion = null;
      }
      case CREATED -> {
        newKeyId = record.require("key");
        stageToken = staged ? record.get("token") : null;
      }
      case SUPPLIED -> {
        attempt = Integer.parseInt(record.require("attempt"));
        createIntent = true;
        newKeyId = record.require("key");
        confirmedPermissions = record.list("permissions");
        stored = false;
        stageToken = staged ? record.get("token") : null;
        stagedVersion = null;
      }
      case BACKUP -> {
        backedUp = true;
        hadPrevious = Boolean.parseBoolean(record.require("had"));
      }
      case STORED -> {
        stored = true;
        String version = record.get("version");
        stagedVersion = version == null ? null : SecretVersion.of(version);
      }
      case RESTORED, ORPHANS -> {
        createIntent = false;
        newKeyId = null;
        stored = false;
        stageToken = null;
        stagedVersion = null;
      }
      case PROMOTED -> promoted = true;
      case DEPLOYED -> deployed = true;
      case VERIFIED -> verified = true;
      case REVOKE_AFTER -> revokeAfter = Instant.parse(record.require("notBefore"));
      case REVOKE_CONFIRMED -> revokeConfirmed = true;
      case REVOKED -> revoked = true;
      case REVOCATION_SEEN, REVOCATION_UNCHECKED -> revocationAwaited = true;
      case DONE -> done = true;
      case ROLLBACK -> {
        rollingBack = true;
        rollbackReason = record.require("reason");
        rollbackStep = record.require("step");
      }
      case STORE_RESTORED -> storeRestored = true;
      case ROLLED_BACK -> rolledBack = true;
      default -> {
        // the types of bulk rerolls, which share the enum but never appear in a root-key plan
      }
    }
  }

  private static String describe(JournalRecord r) {
    StringBuilder b = new StringBuilder();
    r.fields().entrySet().stream()
        .filter(e -> !e.getKey().equals("at"))
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(
            e ->
                b.append(b.length() == 0 ? "" : " ")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue()));
    return b.toString();
  }
}
