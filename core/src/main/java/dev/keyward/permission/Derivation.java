package dev.keyward.permission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link DerivedPermissions} from a {@link Recording}: each allowed call's query, with ids
 * created during the run replaced by the production id the mapping gives their name, by {@code
 * <name>} when it gives none, or by {@code *} when the resource had no usable name.
 */
final class Derivation {
  private final Recording recording;
  private final Map<String, String> productionIds;
  private final Set<String> createdIds;
  private final Map<String, List<String>> neededBy = new LinkedHashMap<>();
  private final Set<String> notes = new LinkedHashSet<>();
  private final Set<DerivedPermissions.Need> needs = new LinkedHashSet<>();
  private final Set<String> unresolved = new LinkedHashSet<>();

  private Derivation(Recording recording, Map<String, String> productionIds) {
    this.recording = recording;
    this.productionIds = productionIds;
    this.createdIds = recording.createdIds();
  }

  static DerivedPermissions derive(Recording recording, Map<String, String> productionIds) {
    for (Map.Entry<String, String> e : productionIds.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new NullPointerException("productionIds holds null");
      }
      if (e.getValue().equals("*")) {
        throw new IllegalArgumentException("a productionIds value is '*'; expected a resource id");
      }
      Requirements.checkResourceId(e.getValue());
    }
    Derivation d = new Derivation(recording, Map.copyOf(productionIds));
    Map<Recording.Call, Long> counts = recording.counts();
    if (counts.isEmpty()) {
      d.notes.add(
          "the recording is empty: no permission check was made through the fake, so no"
              + " permission is derived");
    }
    for (Recording.Call call : counts.keySet()) {
      d.add(call);
    }
    if (recording.dropped() > 0) {
      d.notes.add(
          recording.dropped()
              + " distinct checks beyond "
              + Recording.MAX_CALLS
              + " were not kept; the result may be incomplete");
    }
    for (String name : d.unresolved) {
      d.notes.add(
          "'"
              + name
              + "' was created during the run and the mapping gives it no production id: its"
              + " permissions read <"
              + name
              + ">");
    }
    return new DerivedPermissions(
        d.neededBy, new ArrayList<>(d.notes), new ArrayList<>(d.needs), d.unresolved);
  }

  private void add(Recording.Call call) {
    StringBuilder label = new StringBuilder(call.operation().wireName());
    PermissionQuery query = tuplesOnly(call.query());
    for (Map.Entry<String, String> r : call.resources().entrySet()) {
      String id = r.getValue();
      String replacement = id;
      String shown = id;
      if (createdIds.contains(id)) {
        Optional<String> name = recording.name(id);
        if (name.isPresent() && productionIds.containsKey(name.get())) {
          replacement = productionIds.get(name.get());
          shown = replacement + " (created in the run as '" + name.get() + "')";
        } else if (name.isPresent()) {
          replacement = "<" + name.get() + ">";
          shown = replacement;
          unresolved.add(name.get());
        } else {
          replacement = "*";
          shown = "* (created in the run without a name)";
        }
      }
      label.append(" on ").append(r.getKey()).append(' ').append(shown);
      query = replace(query, id, replacement);
      if (replacement.equals("*")) {
        notes.add(
            call.operation().wireName()
                + " used "
                + r.getKey()
                + " "
                + id
                + ", created during the run without a name: widened to "
                + r.getKey()
                + ".*");
      }
    }
    if (!call.allowed()) {
      notes.add(label + " was denied during the run and is not counted");
      return;
    }
    needs.add(new DerivedPermissions.Need(label.toString(), query));
    for (String permission : LeastPrivilege.narrowest(query)) {
      List<String> calls = neededBy.computeIfAbsent(permission, p -> new ArrayList<>());
      if (!calls.contains(label.toString())) {
        calls.add(label.toString());
      }
    }
  }

  /**
   * {@code query} without its {@code unkey:v1:} alternatives: they name ids of the fake workspace
   * (its id, key spaces, keys created in the run), which a production grant never matches, so the
   * derivation answers in tuples, which Unkey accepts wherever it accepts the resource form.
   */
  static PermissionQuery tuplesOnly(PermissionQuery query) {
    if (query.kind() == PermissionQuery.Kind.PERMISSION) {
      return query;
    }
    List<PermissionQuery> children = new ArrayList<>(query.children().size());
    for (PermissionQuery child : query.children()) {
      if (query.kind() == PermissionQuery.Kind.OR && child.isResourcePermission()) {
        continue;
      }
      children.add(tuplesOnly(child));
    }
    if (children.isEmpty()) {
      return query;
    }
    return query.kind() == PermissionQuery.Kind.AND
        ? PermissionQuery.and(children)
        : PermissionQuery.or(children);
  }

  /** {@code query} with {@code id} replaced in every leaf. */
  static PermissionQuery replace(PermissionQuery query, String id, String replacement) {
    if (id.equals(replacement)) {
      return query;
    }
    if (query.kind() == PermissionQuery.Kind.PERMISSION) {
      String leaf = query.permission();
      return leaf.contains(id) ? PermissionQuery.leaf(leaf.replace(id, replacement)) : query;
    }
    List<PermissionQuery> children = new ArrayList<>(query.children().size());
    for (PermissionQuery child : query.children()) {
      children.add(replace(child, id, replacement));
    }
    return query.kind() == PermissionQuery.Kind.AND
        ? PermissionQuery.and(children)
        : PermissionQuery.or(children);
  }
}
