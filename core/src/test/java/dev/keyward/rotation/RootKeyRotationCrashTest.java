package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crashes a root-key rotation at every step boundary and inside every journal and store write (one
 * run per crash point), discards every object of the crashed run, resumes with new ones, and checks
 * Invariants 1 and 2 against the fake server's state. The matrices with a second crash during the
 * resume are long and run with {@code -Plong}. Each runs on the {@code .env} store, on the
 * versioned {@code .env} store and on the versioned in-memory store (a backend that outlives the
 * crashed process; its lease expires after its ttl, which the resume waits out).
 */
class RootKeyRotationCrashTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.create_key");

  @TempDir Path root;

  /** The stores the matrix runs on. */
  enum Kind {
    ENV,
    VERSIONED_ENV,
    VERSIONED_MEMORY
  }

  /** The world outside the process: the server, the clock and the disk survive a crash. */
  final class World {
    final Path dir;
    final FakeRootKeys server = new FakeRootKeys();
    final FakeRootKeys.Key old = server.add("deploy bot", PERMS);
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    final Path env;
    final Kind kind;
    final InMemoryVersionedStore memory = new InMemoryVersionedStore(clock);

    World(Kind kind, int n) throws IOException {
      this.kind = kind;
      dir = Files.createDirectories(root.resolve("run" + n));
      env = dir.resolve(".env");
      Files.writeString(env, "# keep me\nUNKEY_ROOT_KEY=" + old.secret.reveal() + "\nOTHER=1\n");
      // owner-only, as a root key's file should be (else every run logs the store's mode warning)
      Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
      server.protectedOldKeyId = old.id;
      if (kind == Kind.VERSIONED_MEMORY) {
        memory.write("UNKEY_ROOT_KEY", old.secret);
      }
      server.storeValue = () -> store(Storage.SYSTEM).read("UNKEY_ROOT_KEY");
    }

    SecretStore store(Storage storage) {
      return switch (kind) {
        case ENV -> new EnvFileSecretStore(env, storage);
        case VERSIONED_ENV -> new VersionedEnvFileStore(env, storage);
        case VERSIONED_MEMORY -> memory.handle();
      };
    }

    /** After a crash: the OS released file locks; a lease in a backend expires after its ttl. */
    void crashed() {
      if (kind == Kind.VERSIONED_MEMORY) {
        clock.advance(RootStaging.LEASE_MARGIN.plus(Duration.ofMinutes(6)));
      }
    }

    RootKeyRotation plan(Storage storage) {
      return RootKeyRotation.builder()
          .oldKeyId(old.id)
          .issuer(server)
          .store(store(storage), "UNKEY_ROOT_KEY")
          .deploy((planId, keyId) -> storage.checkpoint("deploy.hook"))
          .verifier(RotationVerifier.authenticatingWith(server::clientFor))
          .journal(RotationJournal.open(dir.resolve("journal"), storage))
          .overlap(Duration.ofMinutes(5))
          .clock(clock)
          .sleeper(clock)
          .build();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void resumeAfterACrashAtAnyPointCompletesTheRotation(Kind kind) throws IOException {
    List<String> points = crashEverywhere(kind, false);
    assertThat(points)
        .anyMatch(p -> p.startsWith("write:"))
        .anyMatch(p -> p.startsWith("force:"))
        .anyMatch(p -> p.equals("root.created"))
        .anyMatch(p -> p.equals(kind == Kind.ENV ? "store.written" : "store.staged"))
        .anyMatch(p -> p.equals("root.revoke"))
        .anyMatch(p -> p.equals("root.awaitRevocation"))
        .anyMatch(p -> p.equals("deploy.hook"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void resumeAfterACrashDuringRollbackLeavesTheOldKeyLive(Kind kind) throws IOException {
    List<String> points = crashEverywhere(kind, true);
    assertThat(points)
        .contains("rollback.deleteNew", kind == Kind.ENV ? "store.restore" : "store.unstage");
    if (kind != Kind.VERSIONED_MEMORY) {
      assertThat(points).anyMatch(p -> p.startsWith("move:"));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  @Tag("long")
  void resumeSurvivesASecondCrashDuringTheResume(Kind kind) throws IOException {
    List<String> points = crashEverywhere(kind, false, 3, 6);
    assertThat(points).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  @Tag("long")
  void rollbackSurvivesASecondCrashDuringTheResume(Kind kind) throws IOException {
    List<String> points = crashEverywhere(kind, true, 4);
    assertThat(points).isNotEmpty();
  }

  private List<String> crashEverywhere(Kind kind, boolean failVerification, int... seconds)
      throws IOException {
    List<String> all = new ArrayList<>();
    for (int second : seconds.length == 0 ? new int[] {0} : seconds) {
      all.addAll(crashEverywhere(kind, failVerification, second));
    }
    return all;
  }

  /**
   * Crashes at each event n in turn; with {@code second > 0} the first resume crashes too, at its
   * event {@code second}.
   */
  private List<String> crashEverywhere(Kind kind, boolean failVerification, int second)
      throws IOException {
    List<String> crashedAt = new ArrayList<>();
    for (int n = 1; n < 1000; n++) {
      World w = new World(kind, second * 1000 + n);
      if (failVerification) {
        w.server.grant = p -> p.subList(0, 1);
      }
      CrashStorage storage = new CrashStorage(n);
      try {
        w.plan(storage).execute();
      } catch (CrashStorage.Crash crash) {
        storage.kill();
        w.crashed();
      }
      if (!storage.crashed()) {
        assertThat(n).as("crash points exercised").isGreaterThan(20);
        return crashedAt;
      }
      crashedAt.add(storage.seen().get(storage.seen().size() - 1));
      String at = "crash at event " + n + " (" + crashedAt.get(crashedAt.size() - 1) + ")";

      if (second > 0) {
        CrashStorage again = new CrashStorage(second);
        try {
          w.plan(again).execute();
        } catch (CrashStorage.Crash crash) {
          again.kill();
          w.crashed();
        }
      }
      RotationReport report = w.plan(Storage.SYSTEM).execute();

      assertThat(w.server.violations).as(at).isEmpty();
      Secret stored = w.store(Storage.SYSTEM).read("UNKEY_ROOT_KEY").orElseThrow();
      String envText = Files.readString(w.env);
      assertThat(envText)
          .as(at)
          .startsWith("# keep me\n")
          .contains("OTHER=1\n")
          .doesNotContain("_PREVIOUS");
      if (kind == Kind.VERSIONED_ENV) {
        assertThat(envText).as(at).contains("UNKEY_ROOT_KEY=" + stored.reveal() + "\n");
        assertThat(w.dir.resolve("..env.keyward-versions")).as(at).isRegularFile();
        assertThat(
                PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(w.dir.resolve("..env.keyward-versions"))))
            .isEqualTo("rw-------");
      }
      if (kind != Kind.ENV) {
        assertThat(
                ((VersionedSecretStore) w.store(Storage.SYSTEM))
                    .readStage("UNKEY_ROOT_KEY", VersionedSecretStore.Stage.PENDING))
            .as(at + ": no pending version left")
            .isEmpty();
      }
      if (failVerification) {
        assertThat(report.status()).as(at).isEqualTo(RotationReport.Status.ROLLED_BACK);
        assertThat(w.server.live()).as(at).extracting(k -> k.id).containsExactly(w.old.id);
        assertThat(stored).as(at).isEqualTo(w.old.secret);
      } else {
        assertThat(report.status()).as(at).isEqualTo(RotationReport.Status.DONE);
        assertThat(w.old.deleted).as(at).isTrue();
        List<FakeRootKeys.Key> live = w.server.live();
        assertThat(live).as(at + ": exactly one live new key").hasSize(1);
        assertThat(live.get(0).id).as(at).isEqualTo(report.newKeyId().orElseThrow());
        assertThat(live.get(0).secret)
            .as(at + ": the stored key is the live one")
            .isEqualTo(stored);
        assertThat(live.get(0).permissions).as(at).containsExactlyElementsOf(PERMS);
      }
      assertNoPlaintext(w, report, at);
    }
    throw new AssertionError("the rotation never finished without a crash");
  }

  private void assertNoPlaintext(World w, RotationReport report, String at) throws IOException {
    StringBuilder journal = new StringBuilder();
    try (Stream<Path> files = Files.list(w.dir.resolve("journal"))) {
      for (Path f : files.toList()) {
        journal.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    for (FakeRootKeys.Key k : w.server.keys.values()) {
      assertThat(journal.toString()).as(at).doesNotContain(k.secret.reveal());
      assertThat(report.toString()).as(at).doesNotContain(k.secret.reveal());
    }
  }
}
