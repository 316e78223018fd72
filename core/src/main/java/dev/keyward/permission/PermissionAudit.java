package dev.keyward.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LeastPrivilege#audit} found: missing permissions, grants never needed, wildcards
 * where one id would do, and the legacy {@code *}.
 */
public record PermissionAudit(List<Finding> findings) {
  /** What kind of finding. */
  public enum Kind {
    /** A use is not allowed by the granted permissions. */
    MISSING,
    /** A granted permission none of the uses needs. */
    UNUSED,
    /** A {@code type.*.action} that every use needs only for the same single resource. */
    WILDCARD_NARROWABLE,
    /** The legacy bare {@code *}: grants nothing in Unkey's v2 API. */
    LEGACY_WILDCARD
  }

  /**
   * One finding.
   *
   * @param kind what was found
   * @param subject the permission concerned, or for {@link Kind#MISSING} the unmet requirement
   * @param message an explanation with the fix
   */
  public record Finding(Kind kind, String subject, String message) {
    /** Validates. */
    public Finding {
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(subject, "subject == null");
      Objects.requireNonNull(message, "message == null");
    }
  }

  /** Copies. */
  public PermissionAudit {
    findings = List.copyOf(findings);
  }

  /** The findings of one kind, in order. */
  public List<Finding> findings(Kind kind) {
    Objects.requireNonNull(kind, "kind == null");
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.kind() == kind) {
        out.add(f);
      }
    }
    return out;
  }

  /** True if every use is allowed (nothing {@link Kind#MISSING}). */
  public boolean sufficient() {
    return findings(Kind.MISSING).isEmpty();
  }

  /** True if nothing at all was found: sufficient and least-privilege. */
  public boolean clean() {
    return findings.isEmpty();
  }
}
