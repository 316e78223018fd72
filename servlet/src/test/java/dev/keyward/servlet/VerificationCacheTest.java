package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationCacheTest {
  final MutableClock clock = new MutableClock();
  final VerificationCache cache =
      VerificationCache.builder()
          .clock(clock)
          .ttl(Duration.ofSeconds(30))
          .negativeTtl(Duration.ofSeconds(5))
          .maxSize(3)
          .build();
  final Secret key = Secret.of("sk_3ZxgT8aQm4vJw1nRkY7pLsE2");
  final Verification valid = Verification.builder(Code.VALID).keyId("key_1").build();

  @Test
  void validResultIsKeptForTheTtl() {
    cache.offer(key, Requirement.none(), valid);

    clock.advance(Duration.ofMillis(29_999));
    assertThat(cache.get(key, Requirement.none())).isSameAs(valid);
    clock.advance(Duration.ofMillis(1));
    assertThat(cache.get(key, Requirement.none())).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void entriesAreScopedToThePermissionQuery() {
    cache.offer(key, Requirement.permissions("a"), valid);

    assertThat(cache.get(key, Requirement.permissions("a"))).isSameAs(valid);
    assertThat(cache.get(key, Requirement.permissions("a AND b"))).isNull();
    assertThat(cache.get(key, Requirement.none())).isNull();
  }

  @Test
  void keysWithCreditsOrRateLimitsAreNeverCached() {
    cache.offer(key, Requirement.none(), Verification.builder(Code.VALID).credits(5L).build());
    cache.offer(
        key,
        Requirement.none(),
        Verification.builder(Code.VALID)
            .ratelimits(List.of(ApiKeyFilterTest.status("a", false, 1000)))
            .build());

    assertThat(cache.get(key, Requirement.none())).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void onlyValidAndNotFoundAreCached() {
    for (Code code : Code.values()) {
      if (code != Code.VALID && code != Code.NOT_FOUND) {
        cache.offer(key, Requirement.none(), Verification.builder(code).build());
      }
    }
    assertThat(cache.size()).isZero();
  }

  @Test
  void notFoundIsKeptForTheNegativeTtl() {
    Verification missing = Verification.builder(Code.NOT_FOUND).build();
    cache.offer(key, Requirement.none(), missing);

    clock.advance(Duration.ofMillis(4_999));
    assertThat(cache.get(key, Requirement.none())).isSameAs(missing);
    clock.advance(Duration.ofMillis(1));
    assertThat(cache.get(key, Requirement.none())).isNull();
  }

  @Test
  void entryNeverOutlivesTheKeysExpiry() {
    cache.offer(
        key,
        Requirement.none(),
        Verification.builder(Code.VALID).expires(clock.instant().plusSeconds(10)).build());

    clock.advance(Duration.ofSeconds(10));
    assertThat(cache.get(key, Requirement.none())).isNull();
  }

  @Test
  void sizeIsBounded() {
    for (int i = 0; i < 10; i++) {
      cache.offer(Secret.of("sk_key" + i), Requirement.none(), valid);
    }
    assertThat(cache.size()).isLessThanOrEqualTo(3);
    assertThat(cache.get(Secret.of("sk_key9"), Requirement.none())).isSameAs(valid);
  }

  @Test
  void sizeIsBoundedAcrossQueriesAndInvalidateAllEmptiesEveryQuery() {
    cache.offer(key, Requirement.none(), valid);
    cache.offer(key, Requirement.permissions("a"), valid);
    cache.offer(key, Requirement.permissions("b"), valid);
    assertThat(cache.size()).isEqualTo(3);
    cache.offer(key, Requirement.permissions("a"), valid); // replaces: no growth
    assertThat(cache.size()).isEqualTo(3);

    cache.offer(key, Requirement.permissions("c"), valid);
    assertThat(cache.size()).isLessThanOrEqualTo(3);
    assertThat(cache.get(key, Requirement.permissions("c"))).isSameAs(valid);

    cache.invalidateAll();
    assertThat(cache.size()).isZero();
    assertThat(cache.get(key, Requirement.permissions("c"))).isNull();
  }

  @Test
  void hitReusesOneVerifiedKeyAndExpiredEntryIsDropped() {
    Requirement read = Requirement.permissions("documents.read");
    cache.offer(key, read, valid);

    VerificationCache.Entry first = cache.lookup(key.hash(), read.cacheQuery());
    VerificationCache.Entry second =
        cache.lookup(Secret.of(key.reveal()).hash(), read.cacheQuery());
    assertThat(first).isNotNull();
    assertThat(second).isSameAs(first);
    assertThat(first.key).isNotNull();
    assertThat(first.key.keyId()).isEqualTo("key_1");
    // The same query text parsed again (a different Requirement) finds the same entry.
    assertThat(cache.lookup(key.hash(), Requirement.permissions("documents.read").cacheQuery()))
        .isSameAs(first);

    clock.advance(Duration.ofSeconds(30));
    assertThat(cache.lookup(key.hash(), read.cacheQuery())).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void neverHoldsThePlaintext() {
    cache.offer(key, Requirement.none(), valid);
    assertThat(cache.toString()).doesNotContain(key.reveal());
    // Positive control: the hash is what the cache is keyed by, and it is not the plaintext.
    assertThat(key.hash()).isNotEqualTo(key.reveal()).hasSize(44);
  }

  @Test
  void ttlIsCappedAtSixtySeconds() {
    assertThatThrownBy(() -> VerificationCache.builder().ttl(Duration.ofSeconds(61)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ttl must be more than 0 and at most 60 s");
    assertThatThrownBy(() -> VerificationCache.builder().negativeTtl(Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VerificationCache.builder().ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(VerificationCache.builder().ttl(VerificationCache.MAX_TTL).build()).isNotNull();
  }

  /** Until keyward-testing's TestClock can be a dependency here. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
