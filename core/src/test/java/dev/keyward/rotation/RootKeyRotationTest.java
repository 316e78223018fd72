package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyward.key.Secret;
import dev.keyward.waiters.WaiterTimeoutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootKeyRotationTest {
  static final List<String> PERMS =
      List.of("api.*.verify_key", "api.*.create_key", "ratelimit.*.limit");

  @TempDir Path dir;
  FakeRootKeys server;
  FakeRootKeys.Key old;
  ManualClock clock;
  Path env;
  boolean bySecret;

  @BeforeEach
  void setUp() throws IOException {
    server = new FakeRootKeys();
    old = server.add("billing service", PERMS);
    server.protectedOldKeyId = old.id;
    clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    env = dir.resolve(".env");
    Files.writeString(
        env,
        "# service config\nOTHER=1\nexport UNKEY_ROOT_KEY=" + old.secret.reveal() + "\n\nLAST=x\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
  }

  RootKeyRotation.Builder plan(Storage storage, Predicate<Secret> check) {
    SecretStore store = new EnvFileSecretStore(env, storage);
    server.storeValue = () -> new EnvFileSecretStore(env, Storage.SYSTEM).read("UNKEY_ROOT_KEY");
    RootKeyRotation.Builder b = RootKeyRotation.builder();
    if (bySecret) {
      b.oldKey(old.secret);
    } else {
      b.oldKeyId(old.id);
    }
    return b.issuer(server)
        .store(store, "UNKEY_ROOT_KEY")
        .verifier(
            RotationVerifier.authenticatingWith(server::clientFor)
                .withCheck(check, Duration.ofSeconds(5)))
        .journal(RotationJournal.open(dir.resolve("journal"), storage))
        .clock(clock)
        .sleeper(clock);
  }

  RootKeyRotation.Builder plan() {
    return plan(Storage.SYSTEM, s -> true);
  }

  @Test
  void executeReplacesTheKeyAndKeepsOtherLines() throws IOException {
    RotationReport report = plan().build().execute();

    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(old.deleted).isTrue();
    FakeRootKeys.Key fresh = server.keys.get(report.newKeyId().orElseThrow());
    assertThat(fresh.permissions).containsExactlyInAnyOrderElementsOf(PERMS);
    assertThat(fresh.name).isEqualTo("billing service [" + report.planId() + "]");
    assertThat(report.planId()).startsWith("rot-");
    assertThat(Files.readString(env))
        .isEqualTo(
            "# service config\nOTHER=1\nexport UNKEY_ROOT_KEY="
                + fresh.secret.reveal()
                + "\n\nLAST=x\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .isEqualTo("rw-------");
    assertThat(server.violations).isEmpty();
    assertThat(report.events())
        .extracting(RotationEvent::step)
        .containsSubsequence(
            "PLAN",
            "CREATE",
            "CREATED",
            "BACKUP",
            "STORED",
            "DEPLOYED",
            "VERIFIED",
            "REVOKED",
            "REVOCATION_SEEN",
            "DONE");
    assertNoPlaintext(report);
  }

  @Test
  void doneOnlyAfterTheDeletedOldKeyIsRefusedThreeTimesInARow() throws IOException {
    server.propagationCalls = 4; // edges keep serving the deleted key for four calls
    RotationReport report = plan().build().execute();

    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(server.callsAfterDeletion.get(old.secret)).isEqualTo(7);
    // pauses 250, 500, 1000, 2000, 4000, 5000 ms (capped): 12.75 s on the test clock
    assertThat(report.events())
        .filteredOn(e -> e.step().equals("REVOCATION_SEEN"))
        .singleElement()
        .extracting(RotationEvent::detail)
        .asString()
        .contains("calls=7", "key=" + old.id, "waited=PT12.75S");
    assertNoPlaintext(report);
  }

  @Test
  void aRevocationNotSeenInTimeStopsBeforeDoneAndResumeWaitsAgain() throws IOException {
    server.propagationCalls = 100;
    RootKeyRotation rotation = plan().revocationTimeout(Duration.ofSeconds(20)).build();

    RotationException e = catchThrowableOfType(RotationException.class, rotation::execute);
    assertThat(e.step()).isEqualTo("await-revocation");
    assertThat(e.getCause())
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("revocation of a root key")
        .hasMessageContaining("last seen: authenticated");
    assertThat(old.deleted).isTrue();
    for (FakeRootKeys.Key k : server.keys.values()) {
      assertThat(e.getMessage()).doesNotContain(k.secret.reveal());
      assertThat(e.getCause().getMessage()).doesNotContain(k.secret.reveal());
    }
    int deletedBefore = (int) server.keys.values().stream().filter(k -> k.deleted).count();

    server.propagationCalls = 0; // the edges' caches expired
    RotationReport report = rotation.resume();
    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    // the resume deleted nothing again: the revocation was journaled before the wait
    assertThat(server.keys.values().stream().filter(k -> k.deleted).count())
        .isEqualTo(deletedBefore);
    assertThat(report.events())
        .extracting(RotationEvent::step)
        .containsSubsequence("REVOKED", "REVOCATION_SEEN", "DONE")
        .containsOnlyOnce("REVOKED");
    assertNoPlaintext(report);
  }

  @Test
  void anOldKeyWhosePlaintextIsUnknownIsJournaledAsUnchecked() throws IOException {
    Files.writeString(env, "OTHER=1\n"); // the store holds no previous value
    RotationReport report = plan().build().execute();

    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(report.events())
        .extracting(RotationEvent::step)
        .containsSubsequence("REVOKED", "REVOCATION_UNCHECKED", "DONE")
        .doesNotContain("REVOCATION_SEEN");
  }

  @Test
  void rotatingARotatedKeyKeepsOneMarkerInTheName() throws IOException {
    old = server.add("billing service [rot-lx2k9a-3f9q]", PERMS);
    server.protectedOldKeyId = old.id;
    Files.writeString(env, "UNKEY_ROOT_KEY=" + old.secret.reveal() + "\n");
    RotationReport report = plan().build().execute();

    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(server.keys.get(report.newKeyId().orElseThrow()).name)
        .isEqualTo("billing service [" + report.planId() + "]");
  }

  @Test
  void baseNameStripsEveryRotationMarker() {
    assertThat(RootSteps.baseName("billing [rot-lx2k9a-3f9q]")).isEqualTo("billing");
    assertThat(RootSteps.baseName("billing [rot-a1] [rot-b2-c3]")).isEqualTo("billing");
    assertThat(RootSteps.baseName("session store")).isEqualTo("session store");
    assertThat(RootSteps.baseName(null)).isEqualTo("root key");
  }

  @Test
  void planIsADryRun() throws IOException {
    Map<String, String> before = tree(dir);
    List<String> steps = plan().build().plan();

    assertThat(steps).hasSize(6);
    assertThat(String.join("\n", steps))
        .contains("api.*.verify_key")
        .contains(old.id)
        .contains("rootKeys.createRootKey");
    assertThat(server.keys).hasSize(1);
    // no journal directory, journal file, lock file or temporary file: the tree is unchanged
    assertThat(tree(dir)).isEqualTo(before);
    assertThat(dir.resolve("journal")).doesNotExist();
  }

  /** Every path under {@code root} with its content (directories and links marked as such). */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        String key = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          out.put(key, "link -> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          out.put(key, "directory");
        } else {
          out.put(key, Files.readString(p));
        }
      }
    }
    return out;
  }

  @Test
  void verifyA_rejectedNewKeyRollsBack() throws IOException {
    server.newKeysRejected = true;
    assertRolledBack(plan().build().execute(), "verify-authenticated-call");
  }

  @Test
  void verifyB_differentPermissionsRollBack() throws IOException {
    server.grant = p -> p.subList(0, p.size() - 1);
    RotationReport report = plan().build().execute();
    assertRolledBack(report, "verify-permissions");
    assertThat(report.failure().orElseThrow().getMessage()).contains("missing [ratelimit.*.limit]");
  }

  @Test
  void verifyC_failingCallerCheckRollsBackAfterItsDeadline() throws IOException {
    Instant start = clock.instant();
    RotationReport report = plan(Storage.SYSTEM, s -> false).build().execute();
    assertRolledBack(report, "verify-caller-check");
    assertThat(clock.instant()).isAfterOrEqualTo(start.plusSeconds(5));
  }

  @Test
  void verifyC_checkPolledUntilItPasses() {
    int[] calls = {0};
    RotationReport report = plan(Storage.SYSTEM, s -> ++calls[0] >= 3).build().execute();
    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(calls[0]).isEqualTo(3);
  }

  private void assertRolledBack(RotationReport report, String step) throws IOException {
    assertThat(report.status()).isEqualTo(RotationReport.Status.ROLLED_BACK);
    assertThat(report.failure().orElseThrow().step()).isEqualTo(step);
    assertThat(old.deleted).isFalse();
    assertThat(server.live()).extracting(k -> k.id).containsExactly(old.id);
    assertThat(Files.readString(env))
        .contains("export UNKEY_ROOT_KEY=" + old.secret.reveal() + "\n")
        .doesNotContain("_PREVIOUS");
    assertNoPlaintext(report);
  }

  @Test
  void overlapReturnsWaitingUntilAndResumeRevokesAfterIt() {
    RootKeyRotation rotation = plan().overlap(Duration.ofHours(1)).waitForOverlap(false).build();
    RotationReport waiting = rotation.execute();
    assertThat(waiting.status()).isEqualTo(RotationReport.Status.WAITING_UNTIL);
    assertThat(waiting.waitingUntil()).contains(Instant.parse("2026-01-01T01:00:00Z"));
    assertThat(old.deleted).isFalse();
    assertThat(rotation.resume().status()).isEqualTo(RotationReport.Status.WAITING_UNTIL);

    clock.advance(Duration.ofHours(1));
    assertThat(rotation.resume().status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(old.deleted).isTrue();
    assertThat(server.violations).isEmpty();
  }

  @Test
  void overlapSleepsThroughSleeperByDefault() {
    RotationReport report = plan().overlap(Duration.ofMinutes(10)).build().execute();
    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
  }

  @Test
  void secondPlanForTheSameKeyIsLockedOut() {
    RotationJournal journal = RotationJournal.open(dir.resolve("journal"));
    try (RotationJournal.Session held = journal.lock(old.id, "-")) {
      assertThatThrownBy(() -> plan().build().execute())
          .isInstanceOf(RotationException.class)
          .hasMessageContaining("another rotation of " + old.id + " is active");
    }
    assertThat(plan().build().execute().status()).isEqualTo(RotationReport.Status.DONE);
  }

  @Test
  void resumeWithoutAPlanFails() {
    assertThatThrownBy(() -> plan().build().resume())
        .isInstanceOf(RotationException.class)
        .hasMessageContaining("no unfinished plan");
  }

  @Test
  void oldKeyFoundFromItsSecret() {
    bySecret = true;
    RotationReport report = plan().build().execute();
    assertThat(report.oldKeyId()).isEqualTo(old.id);
    assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
  }

  void assertNoPlaintext(RotationReport report) throws IOException {
    String journal;
    try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
      StringBuilder b = new StringBuilder();
      for (Path f : files.toList()) {
        b.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
      journal = b.toString();
    }
    for (FakeRootKeys.Key k : server.keys.values()) {
      assertThat(journal).doesNotContain(k.secret.reveal());
      assertThat(report.toString()).doesNotContain(k.secret.reveal());
      assertThat(journal).doesNotContain(k.secret.reveal().substring(6, 20));
    }
  }
}
