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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes a root-key rotation at every step boundary and inside every journal and store write (one
 * run per crash point), discards every object of the crashed run, resumes with new ones, and checks
 * Invariants 1 and 2 against the fake server's state. The matrices with a second crash during the
 * resume are long and run with {@code -Plong}.
 */
class RootKeyRotationCrashTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.create_key");

  @TempDir Path root;

  /** The world outside the process: the server, the clock and the disk survive a crash. */
  final class World {
    final Path dir;
    final FakeRootKeys server = new FakeRootKeys();
    final FakeRootKeys.Key old = server.add("deploy bot", PERMS);
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    final Path env;

    World(int n) throws IOException {
      dir = Files.createDirectories(root.resolve("run" + n));
      env = dir.resolve(".env");
      Files.writeString(env, "# keep me\nUNKEY_ROOT_KEY=" + old.secret.reveal() + "\nOTHER=1\n");
      // owner-only, as a root key's file should be (else every run logs the store's mode warning)
      Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
      server.protectedOldKeyId = old.id;
      server.storeValue = () -> new EnvFileSecretStore(env, Storage.SYSTEM).read("UNKEY_ROOT_KEY");
    }

    RootKeyRotation plan(Storage storage) {
      return RootKeyRotation.builder()
          .oldKeyId(old.id)
          .issuer(server)
          .store(new EnvFileSecretStore(env, storage), "UNKEY_ROOT_KEY")
          .deploy((planId, keyId) -> storage.checkpoint("deploy.hook"))
          .verifier(RotationVerifier.authenticatingWith(server::clientFor))
          .journal(RotationJournal.open(dir.resolve("journal"), storage))
          .overlap(Duration.ofMinutes(5))
          .clock(clock)
          .sleeper(clock)
          .build();
    }
  }

  @Test
  void resumeAfterACrashAtAnyPointCompletesTheRotation() throws IOException {
    List<String> points = crashEverywhere(false);
    assertThat(points)
        .anyMatch(p -> p.startsWith("write:"))
        .anyMatch(p -> p.startsWith("force:"))
        .anyMatch(p -> p.startsWith("move:"))
        .anyMatch(p -> p.equals("root.created"))
        .anyMatch(p -> p.equals("store.written"))
        .anyMatch(p -> p.equals("root.revoke"))
        .anyMatch(p -> p.equals("root.awaitRevocation"))
        .anyMatch(p -> p.equals("deploy.hook"));
  }

  @Test
  void resumeAfterACrashDuringRollbackLeavesTheOldKeyLive() throws IOException {
    List<String> points = crashEverywhere(true);
    assertThat(points).contains("rollback.deleteNew", "store.restore");
  }

  @Test
  @Tag("long")
  void resumeSurvivesASecondCrashDuringTheResume() throws IOException {
    List<String> points = crashEverywhere(false, 3, 6);
    assertThat(points).isNotEmpty();
  }

  @Test
  @Tag("long")
  void rollbackSurvivesASecondCrashDuringTheResume() throws IOException {
    List<String> points = crashEverywhere(true, 4);
    assertThat(points).isNotEmpty();
  }

  private List<String> crashEverywhere(boolean failVerification, int... secondCrashes)
      throws IOException {
    List<String> all = new ArrayList<>();
    for (int second : secondCrashes) {
      all.addAll(crashEverywhere(failVerification, second));
    }
    return all;
  }

  private List<String> crashEverywhere(boolean failVerification) throws IOException {
    return crashEverywhere(failVerification, 0);
  }

  /**
   * Crashes at each event n in turn; with {@code second > 0} the first resume crashes too, at its
   * event {@code second}.
   */
  private List<String> crashEverywhere(boolean failVerification, int second) throws IOException {
    List<String> crashedAt = new ArrayList<>();
    for (int n = 1; n < 1000; n++) {
      World w = new World(second * 1000 + n);
      if (failVerification) {
        w.server.grant = p -> p.subList(0, 1);
      }
      CrashStorage storage = new CrashStorage(n);
      try {
        w.plan(storage).execute();
      } catch (CrashStorage.Crash crash) {
        storage.kill();
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
        }
      }
      RotationReport report = w.plan(Storage.SYSTEM).execute();

      assertThat(w.server.violations).as(at).isEmpty();
      Secret stored =
          new EnvFileSecretStore(w.env, Storage.SYSTEM).read("UNKEY_ROOT_KEY").orElseThrow();
      String envText = Files.readString(w.env);
      assertThat(envText)
          .as(at)
          .startsWith("# keep me\n")
          .contains("OTHER=1\n")
          .doesNotContain("_PREVIOUS");
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
