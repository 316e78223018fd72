package dev.keyward.servlet;

import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An opt-in, bounded cache of verification results for {@link ApiKeyFilter}, keyed by Unkey's hash
 * of the key ({@link Secret#hash()}) and the route's permission query. It never stores a plaintext
 * key.
 *
 * <p>Only two kinds of result are kept: {@link Verification.Code#VALID} results of keys that have
 * neither credits nor rate limits (for those, every request must reach Unkey), for at most {@link
 * #MAX_TTL}; and {@link Verification.Code#NOT_FOUND} results for a short negative TTL.
 *
 * <p><b>Staleness:</b> a key revoked, disabled or changed in Unkey may still pass for up to the
 * TTL, and a key created moments after a miss may be refused for up to the negative TTL. Cache hits
 * are not recorded in Unkey's analytics. Use the cache only where that is acceptable.
 *
 * <pre>{@code
 * VerificationCache cache = VerificationCache.builder().ttl(Duration.ofSeconds(30)).maxSize(10_000).build();
 * ApiKeyFilter filter = ApiKeyFilter.builder(unkey).cache(cache).build();
 * }</pre>
 */
public final class VerificationCache {
  /** The longest TTL allowed for valid results and for negative results. */
  public static final Duration MAX_TTL = Duration.ofSeconds(60);

  /**
   * Route query → key hash → entry. Two levels instead of a composite key, so that a lookup
   * allocates nothing; there are as many queries as routes, so the outer map stays tiny.
   */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Entry>> byQuery =
      new ConcurrentHashMap<>();

  private final AtomicInteger size = new AtomicInteger();
  private final int maxSize;
  private final long ttlMillis;
  private final long negativeTtlMillis;
  private final Clock clock;

  private VerificationCache(Builder b) {
    maxSize = b.maxSize;
    ttlMillis = b.ttl.toMillis();
    negativeTtlMillis = b.negativeTtl.toMillis();
    clock = b.clock;
  }

  /**
   * Starts a cache: 10 000 entries, valid results for 30 s, NOT_FOUND for 5 s, the system clock.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The cached result for {@code key} under {@code requirement}, or null on a miss or expiry. */
  public @Nullable Verification get(Secret key, Requirement requirement) {
    return get(key.hash(), requirement.cacheQuery());
  }

  @Nullable Verification get(String hash, String query) {
    Entry e = lookup(hash, query);
    return e == null ? null : e.verification;
  }

  /** The live entry for the key with this hash under this canonical query, or null. */
  @Nullable Entry lookup(String hash, String query) {
    ConcurrentHashMap<String, Entry> forQuery = byQuery.get(query);
    if (forQuery == null) {
      return null;
    }
    Entry e = forQuery.get(hash);
    if (e == null) {
      return null;
    }
    if (clock.millis() >= e.expiresAtMillis) {
      if (forQuery.remove(hash, e)) {
        size.decrementAndGet();
      }
      return null;
    }
    return e;
  }

  /** Keeps {@code result} if it is cacheable (see the class comment); otherwise does nothing. */
  public void offer(Secret key, Requirement requirement, Verification result) {
    offer(key.hash(), requirement.cacheQuery(), result);
  }

  void offer(String hash, String query, Verification result) {
    long now = clock.millis();
    long expiresAt;
    if (isCacheableValid(result)) {
      expiresAt = now + ttlMillis;
      Instant keyExpiry = result.expires();
      if (keyExpiry != null) {
        expiresAt = Math.min(expiresAt, keyExpiry.toEpochMilli());
      }
    } else if (result.code() == Verification.Code.NOT_FOUND && negativeTtlMillis > 0) {
      expiresAt = now + negativeTtlMillis;
    } else {
      return;
    }
    if (expiresAt <= now) {
      return;
    }
    ConcurrentHashMap<String, Entry> forQuery =
        byQuery.computeIfAbsent(query, q -> new ConcurrentHashMap<>());
    if (size.get() >= maxSize && !forQuery.containsKey(hash)) {
      makeRoom(now);
    }
    Entry previous = forQuery.put(hash, new Entry(result, expiresAt));
    if (previous == null) {
      size.incrementAndGet();
    }
  }

  static boolean isCacheableValid(Verification result) {
    return result.code() == Verification.Code.VALID
        && result.credits() == null
        && result.ratelimits().isEmpty();
  }

  private void makeRoom(long now) {
    for (ConcurrentHashMap<String, Entry> forQuery : byQuery.values()) {
      for (Map.Entry<String, Entry> e : forQuery.entrySet()) {
        if (now >= e.getValue().expiresAtMillis) {
          remove(forQuery, e);
        }
      }
    }
    // Still full: drop arbitrary entries. A bound matters more here than recency.
    for (ConcurrentHashMap<String, Entry> forQuery : byQuery.values()) {
      for (Map.Entry<String, Entry> e : forQuery.entrySet()) {
        if (size.get() < maxSize) {
          return;
        }
        remove(forQuery, e);
      }
    }
  }

  private void remove(ConcurrentHashMap<String, Entry> forQuery, Map.Entry<String, Entry> e) {
    if (forQuery.remove(e.getKey(), e.getValue())) {
      size.decrementAndGet();
    }
  }

  /** The number of entries held, expired ones included until they are next touched. */
  public int size() {
    return size.get();
  }

  /** Drops every entry, e.g. after revoking keys. */
  public void invalidateAll() {
    for (ConcurrentHashMap<String, Entry> forQuery : byQuery.values()) {
      for (Map.Entry<String, Entry> e : forQuery.entrySet()) {
        remove(forQuery, e);
      }
    }
  }

  @Override
  public String toString() {
    return "VerificationCache{size="
        + size.get()
        + ", maxSize="
        + maxSize
        + ", ttl="
        + Duration.ofMillis(ttlMillis)
        + ", negativeTtl="
        + Duration.ofMillis(negativeTtlMillis)
        + "}";
  }

  /**
   * A cached result (keyed by the key's hash, never its plaintext) and, for a valid one, the {@link
   * VerifiedKey} built once, so that a hit does not copy the permission sets again.
   */
  static final class Entry {
    final Verification verification;
    final @Nullable VerifiedKey key;
    final long expiresAtMillis;

    Entry(Verification verification, long expiresAtMillis) {
      this.verification = verification;
      this.key = verification.valid() ? VerifiedKey.of(verification) : null;
      this.expiresAtMillis = expiresAtMillis;
    }
  }

  /** Builds a {@link VerificationCache}. */
  public static final class Builder {
    private int maxSize = 10_000;
    private Duration ttl = Duration.ofSeconds(30);
    private Duration negativeTtl = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();

    Builder() {}

    /** The most entries held, 1..10 000 000. */
    public Builder maxSize(int maxSize) {
      if (maxSize < 1 || maxSize > 10_000_000) {
        throw new IllegalArgumentException("maxSize must be between 1 and 10000000");
      }
      this.maxSize = maxSize;
      return this;
    }

    /** How long a valid result is kept: more than 0, at most {@link #MAX_TTL} (60 s). */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl == null");
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
        throw new IllegalArgumentException("ttl must be more than 0 and at most 60 s");
      }
      this.ttl = ttl;
      return this;
    }

    /** How long a NOT_FOUND result is kept: 0 (never) to {@link #MAX_TTL} (60 s). */
    public Builder negativeTtl(Duration negativeTtl) {
      Objects.requireNonNull(negativeTtl, "negativeTtl == null");
      if (negativeTtl.isNegative() || negativeTtl.compareTo(MAX_TTL) > 0) {
        throw new IllegalArgumentException("negativeTtl must be between 0 and 60 s");
      }
      this.negativeTtl = negativeTtl;
      return this;
    }

    /** The clock expiry is read from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Builds the cache. */
    public VerificationCache build() {
      return new VerificationCache(this);
    }
  }
}
