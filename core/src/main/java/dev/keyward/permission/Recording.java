package dev.keyward.permission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The permission checks a fake made, in the order first seen: which root key (its id, never its
 * secret) called which operation on which resources, the query that was evaluated, and whether it
 * passed. {@link LeastPrivilege#from(Recording)} derives the smallest root permissions from it.
 *
 * <p>Thread-safe. Identical checks are kept once with a count, so a test that verifies a key a
 * million times holds one entry; at most {@link #MAX_CALLS} distinct checks are kept, and {@link
 * #dropped()} counts the distinct ones beyond that. Resources created during the run are noted with
 * the name the test gave them ({@link #created}), so the derived permissions can read {@code
 * api.<billing>.create_key} instead of a random id.
 */
public final class Recording {
  /** The most distinct checks kept; further distinct ones are counted in {@link #dropped()}. */
  public static final int MAX_CALLS = 10_000;

  private final Map<Call, long[]> calls = new LinkedHashMap<>();
  private final Map<String, String> created = new LinkedHashMap<>();
  private long dropped;

  /** An empty recording. */
  public Recording() {}

  /**
   * One permission check as a fake made it.
   *
   * @param rootKeyId the id of the calling root key (never the key itself)
   * @param operation the operation called
   * @param resources the resource ids the check was scoped to, by resource type wire name, e.g.
   *     {@code api -> api_123}; empty for a workspace-wide check
   * @param query the permission query that was evaluated
   * @param allowed whether the caller's permissions satisfied {@code query}
   */
  public record Call(
      String rootKeyId,
      Operation operation,
      Map<String, String> resources,
      PermissionQuery query,
      boolean allowed) {
    /** Validates and copies. */
    public Call {
      Objects.requireNonNull(rootKeyId, "rootKeyId == null");
      Objects.requireNonNull(operation, "operation == null");
      Objects.requireNonNull(query, "query == null");
      resources = Collections.unmodifiableMap(new TreeMap<>(resources));
    }

    /**
     * A check of {@code query}, scoped to the ids it names as {@code type.<id>.action} where {@code
     * id} is {@code resourceId}.
     */
    public static Call of(
        String rootKeyId,
        Operation operation,
        @Nullable String resourceId,
        PermissionQuery query,
        boolean allowed) {
      Map<String, String> resources = new TreeMap<>();
      if (resourceId != null && !resourceId.equals("*")) {
        for (String leaf : query.permissions()) {
          String[] parts = leaf.split("\\.", -1);
          if (parts.length == 3 && parts[1].equals(resourceId)) {
            resources.put(parts[0], resourceId);
          }
        }
      }
      return new Call(rootKeyId, operation, resources, query, allowed);
    }

    /** E.g. {@code keys.createKey on api api_123 by root key key_9 (allowed)}. */
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder(operation.wireName());
      for (Map.Entry<String, String> r : resources.entrySet()) {
        out.append(" on ").append(r.getKey()).append(' ').append(r.getValue());
      }
      return out.append(" by root key ")
          .append(rootKeyId)
          .append(allowed ? " (allowed)" : " (denied)")
          .toString();
    }
  }

  /** Adds one check (or counts it again if the same check was recorded before). */
  public void record(Call call) {
    Objects.requireNonNull(call, "call == null");
    synchronized (this) {
      long[] count = calls.get(call);
      if (count != null) {
        count[0]++;
      } else if (calls.size() < MAX_CALLS) {
        calls.put(call, new long[] {1});
      } else {
        dropped++;
      }
    }
  }

  /**
   * Notes that {@code resourceId} was created during the run under {@code name} (an API's name, a
   * namespace's name, an identity's external id). A blank or key-shaped name is not kept: the id is
   * then known as created, without a name.
   */
  public void created(String resourceId, String name) {
    Objects.requireNonNull(resourceId, "resourceId == null");
    Objects.requireNonNull(name, "name == null");
    String kept = name.isBlank() || OffendingToken.looksLikeKey(name) ? "" : name;
    synchronized (this) {
      created.putIfAbsent(resourceId, kept);
    }
  }

  /** Copies every check and created id of {@code other} into this recording. */
  public void addAll(Recording other) {
    Objects.requireNonNull(other, "other == null");
    if (other == this) {
      return;
    }
    Map<Call, Long> counts = other.counts();
    Map<String, String> names;
    long otherDropped;
    synchronized (other) {
      names = new LinkedHashMap<>(other.created);
      otherDropped = other.dropped;
    }
    synchronized (this) {
      for (Map.Entry<Call, Long> e : counts.entrySet()) {
        long[] count = calls.get(e.getKey());
        if (count != null) {
          count[0] += e.getValue();
        } else if (calls.size() < MAX_CALLS) {
          calls.put(e.getKey(), new long[] {e.getValue()});
        } else {
          dropped++;
        }
      }
      names.forEach(created::putIfAbsent);
      dropped += otherDropped;
    }
  }

  /** Every distinct check, in the order first recorded. */
  public synchronized List<Call> calls() {
    return List.copyOf(new ArrayList<>(calls.keySet()));
  }

  /**
   * How many times each distinct check was evaluated, in the order first recorded (a handler may
   * evaluate one check twice: to hide a resource the caller cannot use, then to authorize).
   */
  public synchronized Map<Call, Long> counts() {
    Map<Call, Long> out = new LinkedHashMap<>();
    calls.forEach((call, count) -> out.put(call, count[0]));
    return Collections.unmodifiableMap(out);
  }

  /** The ids of resources created during the run. */
  public synchronized Set<String> createdIds() {
    return Set.copyOf(created.keySet());
  }

  /** The name a resource created during the run was given, if it had a usable one. */
  public synchronized Optional<String> name(String resourceId) {
    String name = created.get(Objects.requireNonNull(resourceId, "resourceId == null"));
    return name == null || name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  /** Distinct checks not kept because {@link #MAX_CALLS} were already held. */
  public synchronized long dropped() {
    return dropped;
  }

  /** True if no check was recorded. */
  public synchronized boolean isEmpty() {
    return calls.isEmpty() && dropped == 0;
  }

  /** Forgets every check and created id. */
  public synchronized void clear() {
    calls.clear();
    created.clear();
    dropped = 0;
  }

  @Override
  public synchronized String toString() {
    return "Recording{calls=" + calls.size() + ", created=" + created.size() + "}";
  }
}
