package dev.keyward.rotation;

import dev.keyward.rotation.JournalRecord.Type;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The state of the latest bulk-reroll plan, folded from its journal: BULK, TARGETS*, TARGETS_END,
 * then per key INTENT, REROLLED, DONE, RECOVERED, FAILED, and BULK_DONE when every key is done.
 */
final class BulkPlan {
  enum KeyState {
    PENDING,
    INTENT,
    REROLLED,
    DONE
  }

  static final class Target {
    final String keyId;
    final @Nullable Instant originalExpires;
    KeyState state = KeyState.PENDING;
    @Nullable Instant intentAt;
    @Nullable String successor;

    Target(String keyId, @Nullable Instant originalExpires) {
      this.keyId = keyId;
      this.originalExpires = originalExpires;
    }
  }

  @Nullable String planId;
  boolean targetsComplete;
  boolean finished;
  final Map<String, Target> targets = new LinkedHashMap<>();

  /** Every successor id a record names: these are never taken for lost ones. */
  final Set<String> knownSuccessors = new HashSet<>();

  static BulkPlan fold(List<JournalRecord> records) {
    int start = -1;
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).is(Type.BULK)) {
        start = i;
      }
    }
    BulkPlan plan = new BulkPlan();
    if (start >= 0) {
      for (JournalRecord record : records.subList(start, records.size())) {
        plan.apply(record);
      }
    }
    return plan;
  }

  boolean active() {
    return planId != null && targetsComplete && !finished;
  }

  private void apply(JournalRecord record) {
    Type type = record.knownType();
    if (type == null) {
      return; // a record type from a newer keyward does not change a key's state
    }
    switch (type) {
      case BULK -> planId = record.require("plan");
      case TARGETS -> {
        for (String entry : record.list("keys")) {
          int at = entry.indexOf('@');
          String expires = entry.substring(at + 1);
          String id = entry.substring(0, at);
          targets.put(
              id,
              new Target(
                  id, expires.equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(expires))));
        }
      }
      case TARGETS_END -> targetsComplete = true;
      case INTENT -> {
        Target t = targets.get(record.require("key"));
        t.state = KeyState.INTENT;
        t.intentAt = Instant.parse(record.require("at"));
      }
      case REROLLED -> {
        Target t = targets.get(record.require("key"));
        t.state = KeyState.REROLLED;
        t.successor = record.require("new");
        knownSuccessors.add(t.successor);
      }
      case DONE -> {
        Target t = targets.get(record.require("key"));
        t.state = KeyState.DONE;
        t.successor = record.require("new");
        knownSuccessors.add(t.successor);
      }
      case RECOVERED, NOT_APPLIED -> {
        Target t = targets.get(record.require("key"));
        t.state = KeyState.PENDING;
        t.successor = null;
      }
      case BULK_DONE -> finished = true;
      default -> {
        // FAILED does not change a key's state (a re-run retries it); root-key types never appear
      }
    }
  }
}
