package dev.keyward.permission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link LeastPrivilege#from(Recording)} derived: the smallest root permissions that satisfy
 * every recorded call, for each the calls that needed it, and notes on what was widened, left
 * unresolved or not counted.
 *
 * <p>A resource created during the run reads by the name the test gave it, e.g. {@code
 * api.<billing>.create_key}, until a mapping turns the name into a production id ({@link
 * LeastPrivilege#from(Recording, Map)}); only a created resource without a usable name widens to
 * {@code *}.
 */
public final class DerivedPermissions {
  /** A recorded call, described, with the query it needs in production terms. */
  record Need(String call, PermissionQuery query) {}

  private final Map<String, List<String>> neededBy;
  private final List<String> notes;
  private final List<Need> needs;
  private final Set<String> unresolvedNames;

  DerivedPermissions(
      Map<String, List<String>> neededBy,
      List<String> notes,
      List<Need> needs,
      Set<String> unresolvedNames) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    neededBy.forEach((p, calls) -> copy.put(p, List.copyOf(calls)));
    this.neededBy = Collections.unmodifiableMap(copy);
    this.notes = List.copyOf(notes);
    this.needs = List.copyOf(needs);
    this.unresolvedNames = Collections.unmodifiableSet(new java.util.TreeSet<>(unresolvedNames));
  }

  /**
   * The derived permissions, in the order first needed. A name in angle brackets ({@code
   * api.<billing>.create_key}) stands for a resource created during the run that the mapping did
   * not name.
   */
  public Set<String> permissions() {
    return neededBy.keySet();
  }

  /** The recorded calls (described) that needed {@code permission}; empty if none did. */
  public List<String> neededBy(String permission) {
    return neededBy.getOrDefault(
        Objects.requireNonNull(permission, "permission == null"), List.of());
  }

  /**
   * What the reader should know: an empty recording, permissions widened to {@code *}, names with
   * no production id, denied calls left out, checks dropped from a full recording.
   */
  public List<String> notes() {
    return notes;
  }

  /** Names of created resources that the mapping does not turn into production ids. */
  public Set<String> unresolvedNames() {
    return unresolvedNames;
  }

  /** True if no permission is needed (nothing was recorded, or every call was denied). */
  public boolean isEmpty() {
    return neededBy.isEmpty();
  }

  /**
   * The derived permissions as a set Unkey would accept.
   *
   * @throws IllegalStateException if a name has no production id ({@link #unresolvedNames()})
   */
  public PermissionSet toPermissionSet() {
    if (!unresolvedNames.isEmpty()) {
      throw new IllegalStateException(
          unresolvedNames.size()
              + " resource name(s) created during the run have no production id; map them first");
    }
    return PermissionSet.parse(neededBy.keySet());
  }

  /**
   * Compares a service's declared permissions with what the recorded calls need: {@link
   * PermissionAudit.Kind#MISSING} names the call that needed the permission; {@link
   * PermissionAudit.Kind#UNUSED}, {@link PermissionAudit.Kind#WILDCARD_NARROWABLE} and {@link
   * PermissionAudit.Kind#LEGACY_WILDCARD} are more than the calls need.
   */
  public PermissionAudit audit(PermissionSet declared) {
    Objects.requireNonNull(declared, "declared == null");
    List<Map.Entry<String, PermissionQuery>> labelled = new ArrayList<>(needs.size());
    for (Need need : needs) {
      labelled.add(Map.entry(need.call(), need.query()));
    }
    return LeastPrivilege.audit(declared, labelled, "none of the recorded calls needs it");
  }

  /** One line per permission with the first call that needed it, then the notes. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (neededBy.isEmpty()) {
      out.append("no permissions needed\n");
    }
    for (Map.Entry<String, List<String>> e : neededBy.entrySet()) {
      out.append(e.getKey()).append("  <- ").append(e.getValue().get(0));
      if (e.getValue().size() > 1) {
        out.append(" (and ").append(e.getValue().size() - 1).append(" more)");
      }
      out.append('\n');
    }
    for (String note : notes) {
      out.append("note: ").append(note).append('\n');
    }
    return out.toString();
  }
}
