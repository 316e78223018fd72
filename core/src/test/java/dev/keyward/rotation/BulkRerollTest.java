package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.RateLimitedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk reroll against a port stub: lost answers, 429s, and a crash at every step and inside every
 * journal write, each followed by a re-run with new objects; every old key must end with exactly
 * one live successor, the one the callback received last, and no key is rerolled before its expiry
 * was restored.
 */
class BulkRerollTest {
  @TempDir Path root;

  final class World {
    final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T00:00:00Z"));
    final FakeApiKeys server = new FakeApiKeys(clock);
    final Map<String, String> delivered = new ConcurrentHashMap<>();
    final List<String> oldIds = new ArrayList<>();
    final Path dir;

    World(int n, int keys) throws IOException {
      dir = Files.createDirectories(root.resolve("w" + n));
      for (int i = 0; i < keys; i++) {
        oldIds.add(server.add("customer " + (i % 2)).id);
        clock.advance(Duration.ofSeconds(10));
      }
    }

    BulkReroll.Builder bulk(Storage storage) {
      return ApiKeyRotation.bulk(server.unkey(), "api_test")
          .grace(Duration.ofMinutes(10))
          .concurrency(1)
          .journal(RotationJournal.open(dir.resolve("journal"), storage))
          .onNewKey((old, created) -> delivered.put(old, created.keyId()))
          .clock(clock)
          .sleeper(clock);
    }

    void assertExactlyOnce(String at) throws IOException {
      assertThat(server.violations).as(at).isEmpty();
      for (String old : oldIds) {
        List<FakeApiKeys.Key> live = server.liveSuccessorsOf(old);
        assertThat(live).as(at + ": live successors of " + old).hasSize(1);
        assertThat(live.get(0).id)
            .as(at + ": the delivered successor is the live one")
            .isEqualTo(delivered.get(old));
      }
      StringBuilder journal = new StringBuilder();
      try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
        for (Path f : files.toList()) {
          journal.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
      }
      assertThat(journal.toString()).as(at).doesNotContain("sk_plain");
    }
  }

  @Test
  void rerollsEveryKeyOnceWithProgressAndSkipsThemOnReRun() throws IOException {
    World w = new World(0, 8);
    List<RerollProgress> progress = new ArrayList<>();
    BulkRerollReport report = w.bulk(Storage.SYSTEM).progress(progress::add).build().run();
    assertThat(report.rerolled()).isEqualTo(8);
    assertThat(report.complete()).isTrue();
    assertThat(progress).extracting(RerollProgress::done).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(progress.get(0).total()).isEqualTo(8);
    w.assertExactlyOnce("first run");

    BulkRerollReport again = w.bulk(Storage.SYSTEM).build().run();
    assertThat(again.rerolled()).isZero();
    assertThat(again.skipped()).isEqualTo(8);
    w.assertExactlyOnce("re-run");
  }

  @Test
  void filterSelectsKeysCreatedBefore() throws IOException {
    World w = new World(0, 6);
    Instant cut = Instant.parse("2026-02-01T00:00:25Z");
    BulkRerollReport report =
        w.bulk(Storage.SYSTEM).createdBefore(cut).meta("tier", "gold").build().run();
    assertThat(report.total()).isEqualTo(3);
    assertThat(w.delivered).containsOnlyKeys(w.oldIds.subList(0, 3));
  }

  @Test
  void lostAnswersAreRecoveredAndRateLimitsWaitedOut() throws IOException {
    World w = new World(0, 20);
    w.server.loseEvery = 3;
    w.server.rateLimitEvery = 7;
    BulkRerollReport report = w.bulk(Storage.SYSTEM).concurrency(4).build().run();
    assertThat(report.failed()).isEmpty();
    assertThat(report.rerolled()).isEqualTo(20);
    w.assertExactlyOnce("lost answers");
  }

  @Test
  void callbackFailureDeletesTheSuccessorAndRestoresTheOldKey() throws IOException {
    World w = new World(0, 2);
    BulkRerollReport report =
        w.bulk(Storage.SYSTEM)
            .onNewKey(
                (old, created) -> {
                  throw new IOException("mail server down");
                })
            .build()
            .run();
    assertThat(report.failedKeyIds()).containsExactlyElementsOf(w.oldIds);
    for (String old : w.oldIds) {
      assertThat(w.server.liveSuccessorsOf(old)).isEmpty();
      FakeApiKeys.Key k = w.server.find(old).orElseThrow();
      assertThat(k.expires).isEqualTo(k.originalExpires);
    }
    BulkRerollReport retry = w.bulk(Storage.SYSTEM).build().run();
    assertThat(retry.rerolled()).isEqualTo(2);
    w.assertExactlyOnce("after the callback recovered");
  }

  @Test
  @Timeout(30)
  void aServerThatAlwaysAnswers429EndsTheRunWithItsKeysFailedWithinTheWaitBound()
      throws IOException {
    World w = new World(0, 2);
    w.server.rateLimitRerolls = Duration.ofSeconds(1);
    Instant before = w.clock.instant();
    BulkRerollReport report = w.bulk(Storage.SYSTEM).build().run();
    assertThat(report.failedKeyIds()).containsExactlyElementsOf(w.oldIds);
    assertThat(report.failed().values())
        .allMatch(reason -> reason.contains("rate limited for longer than PT10M"));
    assertThat(report.complete()).isFalse();
    // each key waits out 600 one-second 429s (the default 10 minutes), and the 601st fails it
    // unwaited
    assertThat(w.server.rateLimited).isEqualTo(2 * 601);
    assertThat(Duration.between(before, w.clock.instant())).isEqualTo(Duration.ofMinutes(20));
    assertThat(w.server.liveSuccessorsOf(w.oldIds.get(0))).isEmpty();

    w.server.rateLimitRerolls = null;
    BulkRerollReport retry = w.bulk(Storage.SYSTEM).build().run();
    assertThat(retry.rerolled()).isEqualTo(2);
    assertThat(retry.complete()).isTrue();
    w.assertExactlyOnce("after the rate limit lifted");
  }

  @Test
  @Timeout(30)
  void retryAfterZeroStillWaitsTheMinimumBetweenAttempts() throws IOException {
    World w = new World(0, 1);
    w.server.rateLimitRerolls = Duration.ZERO;
    List<Duration> sleeps = new ArrayList<>();
    BulkRerollReport report =
        w.bulk(Storage.SYSTEM)
            .maxRateLimitWait(Duration.ofSeconds(10))
            .sleeper(
                d -> {
                  sleeps.add(d);
                  w.clock.advance(d);
                })
            .build()
            .run();
    assertThat(report.failedKeyIds()).containsExactlyElementsOf(w.oldIds);
    assertThat(sleeps).hasSize(100).allMatch(d -> d.compareTo(Duration.ofMillis(100)) >= 0);
    assertThat(w.server.rateLimited).isEqualTo(101);
    assertThat(report.elapsed()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  @Timeout(30)
  void aRecoveryCallThatStaysRateLimitedFailsItsKeyAndAReRunFinishesIt() throws IOException {
    World w = new World(0, 2);
    BulkRerollReport report =
        w.bulk(Storage.SYSTEM)
            .maxRateLimitWait(Duration.ofMinutes(1))
            .onNewKey(
                (old, created) -> {
                  w.server.rateLimitOthers =
                      Duration.ZERO; // the successor's deletion now never gets through
                  throw new IOException("mail server down");
                })
            .build()
            .run();
    assertThat(report.failedKeyIds()).containsExactlyElementsOf(w.oldIds);
    assertThat(report.failed().values())
        .allMatch(reason -> reason.startsWith("deleting the successor"));
    assertThat(report.elapsed()).isEqualTo(Duration.ofMinutes(2));
    assertThat(w.server.liveSuccessorsOf(w.oldIds.get(0))).hasSize(1);

    w.server.rateLimitOthers = null;
    BulkRerollReport retry = w.bulk(Storage.SYSTEM).build().run();
    assertThat(retry.rerolled()).isEqualTo(2);
    w.assertExactlyOnce("after the journaled successors were deleted");
  }

  @Test
  @Timeout(30)
  void aListingThatStaysRateLimitedStopsTheRunWithinTheWaitBound() throws IOException {
    World w = new World(0, 1);
    w.server.rateLimitOthers = Duration.ofSeconds(30);
    Instant before = w.clock.instant();
    assertThatThrownBy(() -> w.bulk(Storage.SYSTEM).build().run())
        .isInstanceOf(RotationException.class)
        .hasCauseInstanceOf(RateLimitedException.class);
    assertThat(Duration.between(before, w.clock.instant())).isEqualTo(Duration.ofMinutes(10));
    assertThat(w.server.rateLimited).isEqualTo(21);
  }

  @Test
  void resumeAfterACrashAtAnyPointRerollsEveryKeyExactlyOnce() throws IOException {
    List<String> crashedAt = new ArrayList<>();
    for (int n = 1; n < 2000; n++) {
      World w = new World(n, 4);
      w.server.loseEvery = 3;
      CrashStorage storage = new CrashStorage(n);
      try {
        w.bulk(storage).build().run();
      } catch (CrashStorage.Crash crash) {
        storage.kill();
      }
      if (!storage.crashed()) {
        assertThat(crashedAt)
            .anyMatch(p -> p.equals("bulk.rerolled"))
            .anyMatch(p -> p.equals("bulk.delivered"))
            .anyMatch(p -> p.startsWith("force:"))
            .anyMatch(p -> p.equals("bulk.deleteLostSuccessor"));
        return;
      }
      String at =
          "crash at event " + n + " (" + storage.seen().get(storage.seen().size() - 1) + ")";
      crashedAt.add(storage.seen().get(storage.seen().size() - 1));
      BulkRerollReport report = w.bulk(Storage.SYSTEM).build().run();
      assertThat(report.failed()).as(at).isEmpty();
      assertThat(report.complete()).as(at).isTrue();
      w.assertExactlyOnce(at);
    }
    throw new AssertionError("never finished without a crash");
  }
}
