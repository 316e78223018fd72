package dev.keyward.servlet;

import dev.keyward.model.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The keys that last verified VALID, for {@link DegradedPolicy#LAST_KNOWN_GOOD}: keyed by the key's
 * hash, never its plaintext, and bounded in entries. A key seen with any other code is remembered
 * as refused and never passes again through this table, even after a later VALID answer, for as
 * long as its entry is held; refused entries are evicted only after every valid one.
 */
final class LastKnownGood {
  /** A key's last state: a valid key with the time it verified, or a refusal. */
  static final class Entry {
    final @Nullable VerifiedKey key;
    final long verifiedAtMillis;

    Entry(@Nullable VerifiedKey key, long verifiedAtMillis) {
      this.key = key;
      this.verifiedAtMillis = verifiedAtMillis;
    }
  }

  private static final Entry REFUSED = new Entry(null, 0);

  private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int maxEntries;
  private final long windowMillis;
  private final Clock clock;

  LastKnownGood(int maxEntries, long windowMillis, Clock clock) {
    this.maxEntries = maxEntries;
    this.windowMillis = windowMillis;
    this.clock = clock;
  }

  /** Records what Unkey answered for the key with this hash. */
  void record(String hash, Verification result) {
    Entry previous = byHash.get(hash);
    if (previous == REFUSED) {
      return; // once refused, never good again
    }
    Entry next = result.valid() ? new Entry(VerifiedKey.of(result), clock.millis()) : REFUSED;
    if (previous == null && size.get() >= maxEntries && !makeRoom(next == REFUSED)) {
      return;
    }
    boolean[] added = new boolean[1];
    byHash.compute(
        hash,
        (h, old) -> {
          added[0] = old == null;
          return old == REFUSED ? REFUSED : next; // a concurrent refusal wins
        });
    if (added[0]) {
      size.incrementAndGet();
    }
  }

  /** The key with this hash if it verified VALID within the window and has not expired since. */
  @Nullable VerifiedKey lookup(String hash) {
    Entry e = byHash.get(hash);
    if (e == null || e.key == null) {
      return null;
    }
    long now = clock.millis();
    if (now - e.verifiedAtMillis >= windowMillis) {
      return null;
    }
    Instant expires = e.key.expires();
    if (expires != null && now >= expires.toEpochMilli()) {
      return null;
    }
    return e.key;
  }

  /**
   * Frees one slot: an entry past its window, else any valid one, else (only to hold a refusal) any
   * refusal. Returns false if nothing may be evicted.
   */
  private boolean makeRoom(boolean forRefusal) {
    long now = clock.millis();
    Map.Entry<String, Entry> anyValid = null;
    Map.Entry<String, Entry> anyRefused = null;
    for (Iterator<Map.Entry<String, Entry>> it = byHash.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Entry> e = it.next();
      Entry v = e.getValue();
      if (v.key != null && now - v.verifiedAtMillis >= windowMillis) {
        return remove(e);
      }
      if (v.key != null && anyValid == null) {
        anyValid = e;
      } else if (v.key == null && anyRefused == null) {
        anyRefused = e;
      }
    }
    if (anyValid != null) {
      return remove(anyValid);
    }
    return forRefusal && anyRefused != null && remove(anyRefused);
  }

  private boolean remove(Map.Entry<String, Entry> e) {
    if (byHash.remove(e.getKey(), e.getValue())) {
      size.decrementAndGet();
    }
    return true;
  }

  /** The number of entries held, valid and refused. */
  int size() {
    return size.get();
  }

  @Override
  public String toString() {
    return "LastKnownGood{size=" + size.get() + ", maxEntries=" + maxEntries + "}";
  }
}
