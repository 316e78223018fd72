package dev.keyward.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of the latest root-key plan, folded from its journal records. Record types, in order:
 * PLAN, (CREATE, CREATED | SUPPLIED, BACKUP, STORED, RESTORED, ORPHANS)*, DEPLOYED, VERIFIED,
 * REVOKE_AFTER, REVOKE_CONFIRMED, REVOKED, DONE; or ROLLBACK then ROLLED_BACK.
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
  boolean done;
  boolean rollingBack;
  @Nullable String rollbackReason;
  @Nullable String rollbackStep;
  boolean storeRestored;
  boolean rolledBack;
  final List<RotationEvent> events = new ArrayList<>();

  /** Folds the records of the last plan in {@code records}. */
  static RootPlan fold(List<JournalRecord> records) {
    int start = -1;
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).type().equals("PLAN")) {
        start = i;
      }
    }
    RootPlan p = new RootPlan();
    if (start < 0) {
      return p;
    }
    for (JournalRecord r : records.subList(start, records.size())) {
      p.apply(r);
    }
    return p;
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

  private void apply(JournalRecord r) {
    String at = r.get("at");
    if (at != null) {
      events.add(new RotationEvent(Instant.parse(at), r.type(), describe(r)));
    }
    switch (r.type()) {
      case "PLAN" -> {
        planId = r.require("plan");
        oldKeyId = r.require("old");
        baseName = r.require("name");
        permissions = r.list("permissions");
        permissionsSource = r.require("source");
        storeName = r.require("store");
        overlap = Duration.parse(r.require("overlap"));
      }
      case "CREATE" -> {
        attempt = Integer.parseInt(r.require("attempt"));
        createIntent = true;
        newKeyId = null;
        stored = false;
      }
      case "CREATED" -> newKeyId = r.require("key");
      case "SUPPLIED" -> {
        attempt = Integer.parseInt(r.require("attempt"));
        createIntent = true;
        newKeyId = r.require("key");
        confirmedPermissions = r.list("permissions");
        stored = false;
      }
      case "BACKUP" -> {
        backedUp = true;
        hadPrevious = Boolean.parseBoolean(r.require("had"));
      }
      case "STORED" -> stored = true;
      case "RESTORED", "ORPHANS" -> {
        createIntent = false;
        newKeyId = null;
        stored = false;
      }
      case "DEPLOYED" -> deployed = true;
      case "VERIFIED" -> verified = true;
      case "REVOKE_AFTER" -> revokeAfter = Instant.parse(r.require("notBefore"));
      case "REVOKE_CONFIRMED" -> revokeConfirmed = true;
      case "REVOKED" -> revoked = true;
      case "DONE" -> done = true;
      case "ROLLBACK" -> {
        rollingBack = true;
        rollbackReason = r.require("reason");
        rollbackStep = r.require("step");
      }
      case "STORE_RESTORED" -> storeRestored = true;
      case "ROLLED_BACK" -> rolledBack = true;
      default -> {
        // a record type from a newer keyward: ignored, as its step is unknown here
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
