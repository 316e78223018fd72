package dev.keyward.testing;

import dev.keyward.model.Page;
import dev.keyward.permission.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What every operation group of the fake shares: the workspace and the root key it authenticates
 * as.
 */
abstract class Group {
  final Workspace ws;
  final String rootHash;

  /** False for a view made by {@link InMemoryUnkey#unrecorded()}. */
  final boolean recorded;

  Group(Workspace ws, String rootHash, boolean recorded) {
    this.ws = ws;
    this.rootHash = rootHash;
    this.recorded = recorded;
  }

  /**
   * Authenticates, and tells the workspace whether this operation's permission checks are recorded;
   * call under the workspace lock, which the operation holds until it ends.
   */
  final StoredRootKey principal(Operation op, String rid) {
    StoredRootKey p = ws.authenticate(op, rootHash, rid);
    ws.recordChecks = recorded;
    return p;
  }

  /**
   * A live key, or Unkey's 404; then checks {@code op}'s permission on the key's API (403). Call
   * under the workspace lock.
   */
  final StoredKey authorizedKey(Operation op, StoredRootKey caller, String keyId, String rid) {
    StoredKey key = ws.liveKey(keyId);
    if (key == null) {
      throw ErrorCode.KEY_NOT_FOUND.exception(op, "The specified key was not found.", rid);
    }
    ws.authorize(caller, op, key.apiId, java.util.Set.of(), ws.keyIds(key), rid);
    return key;
  }

  /**
   * One page of {@code all}, ordered by id as Unkey's list queries are: the cursor is the base64url
   * of the last id returned, opaque to callers.
   */
  static <S, T> Page<T> page(
      Collection<S> all,
      Function<S, String> id,
      Function<S, T> view,
      int limit,
      @Nullable String cursor,
      String rid) {
    String after = cursor == null ? null : decodeCursor(cursor);
    List<S> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(id));
    List<T> items = new ArrayList<>();
    String last = null;
    boolean more = false;
    for (S s : sorted) {
      String sid = id.apply(s);
      if (after != null && sid.compareTo(after) <= 0) {
        continue;
      }
      if (items.size() == limit) {
        more = true;
        break;
      }
      items.add(view.apply(s));
      last = sid;
    }
    String next =
        more && last != null
            ? Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(last.getBytes(StandardCharsets.UTF_8))
            : null;
    return new Page<>(items, more, next, rid);
  }

  private static @Nullable String decodeCursor(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return cursor;
    }
  }

  /**
   * Unkey's reroll expiry: now + expiration rounded up to the next full minute; 0 expires at once.
   */
  final java.time.Instant rerollExpiry(java.time.Duration expiration) {
    java.time.Instant now = ws.now();
    if (expiration.isZero()) {
      return now.minusMillis(1);
    }
    long at = now.plus(expiration).toEpochMilli();
    long minute = 60_000;
    long rounded = Math.floorMod(at, minute) == 0 ? at : at - Math.floorMod(at, minute) + minute;
    return java.time.Instant.ofEpochMilli(rounded);
  }
}
