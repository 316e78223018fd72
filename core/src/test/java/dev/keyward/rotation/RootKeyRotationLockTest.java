package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding: two rotations of one key with different journal directories both ran (two live rotated
 * keys, one plaintext discarded). The lock belongs to the key and the store, not to the journal.
 */
class RootKeyRotationLockTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.create_key");

  @TempDir Path dir;
  FakeRootKeys server;
  FakeRootKeys.Key old;
  Path env;
  final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void setUp() throws IOException {
    server = new FakeRootKeys();
    old = server.add("billing service", PERMS);
    server.protectedOldKeyId = old.id;
    env = dir.resolve(".env");
    Files.writeString(env, "UNKEY_ROOT_KEY=" + old.secret.reveal() + "\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    server.storeValue = () -> SecretStore.envFile(env).read("UNKEY_ROOT_KEY");
  }

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
  }

  RootKeyRotation rotation(SecretStore store, String journal) {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    return RootKeyRotation.builder()
        .oldKeyId(old.id)
        .issuer(server)
        .store(store, "UNKEY_ROOT_KEY")
        .verifier(RotationVerifier.authenticatingWith(server::clientFor))
        .journal(RotationJournal.open(dir.resolve(journal)))
        .clock(clock)
        .sleeper(clock)
        .build();
  }

  /** Runs {@code first} until it is inside {@code create}, then {@code second}, then the rest. */
  private Throwable overlap(RootKeyRotation first, RootKeyRotation second) throws Exception {
    CountDownLatch inCreate = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger creates = new AtomicInteger();
    server.beforeCreate =
        () -> {
          if (creates.getAndIncrement() == 0) {
            inCreate.countDown();
            try {
              release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    Future<RotationReport> a = threads.submit(first::execute);
    assertThat(inCreate.await(20, TimeUnit.SECONDS)).as("first rotation inside create").isTrue();
    Future<RotationReport> b = threads.submit(second::execute);
    Throwable refusal = null;
    try {
      b.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      refusal = e.getCause();
    } finally {
      release.countDown();
    }
    assertThat(a.get(20, TimeUnit.SECONDS).status()).isEqualTo(RotationReport.Status.DONE);
    assertThat(creates.get()).as("create calls: only the first rotation got that far").isEqualTo(1);
    return refusal;
  }

  @Test
  void secondRotationOfTheKeyInTheSameEnvFileIsRefusedWhateverItsJournal() throws Exception {
    Throwable refusal =
        overlap(
            rotation(SecretStore.envFile(env), "journal-a"),
            rotation(SecretStore.envFile(env), "journal-b"));

    assertThat(refusal)
        .isInstanceOf(ConcurrentRotationException.class)
        .hasMessageContaining(
            "root key " + old.id + " is already being rotated in this store (lock " + dir)
        .hasMessageContaining("..env.keyward-lock)");
    assertThat(((ConcurrentRotationException) refusal).keyId()).isEqualTo(old.id);
    assertThat(((ConcurrentRotationException) refusal).step()).isEqualTo("lock");
    assertExactlyOneLiveKeyAndItIsStored();
    assertThat(dir.resolve("journal-b")).doesNotExist();
  }

  @Test
  void secondRotationOfTheKeyInTheSameInMemoryStoreIsRefused() throws Exception {
    SecretStore store = SecretStore.inMemory();
    store.write("UNKEY_ROOT_KEY", old.secret);
    server.storeValue = () -> store.read("UNKEY_ROOT_KEY");
    Throwable refusal = overlap(rotation(store, "journal-a"), rotation(store, "journal-b"));

    assertThat(refusal)
        .isInstanceOf(ConcurrentRotationException.class)
        .hasMessageContaining("root key " + old.id + " is already being rotated in this store");
    assertThat(server.live()).hasSize(1);
    assertThat(server.violations).isEmpty();
    // released when the rotation ends: the lock is taken again at once
    store.lockForRotation(old.id).close();
  }

  @Test
  void anotherProcessHoldingTheStoreLockRefusesTheRotation() throws Exception {
    // the lock is held here, and a refused attempt here must not drop it (closing a second
    // descriptor of the file would release this process's POSIX lock)
    try (SecretStore.RotationLock held = SecretStore.envFile(env).lockForRotation(old.id)) {
      assertThatThrownBy(() -> SecretStore.envFile(env).lockForRotation(old.id))
          .isInstanceOf(ConcurrentRotationException.class);
      assertThat(runChild(false)).startsWith("refused: ").contains("root key " + old.id);
    }
    Process child = startChild();
    try (BufferedReader out = reader(child)) {
      assertThat(out.readLine()).isEqualTo("locked");
      assertThatThrownBy(() -> rotation(SecretStore.envFile(env), "journal-here").execute())
          .isInstanceOf(ConcurrentRotationException.class)
          .hasMessageContaining("root key " + old.id + " is already being rotated in this store");
      assertThat(server.keys).hasSize(1);
    } finally {
      child.getOutputStream().close();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(rotation(SecretStore.envFile(env), "journal-here").execute().status())
        .isEqualTo(RotationReport.Status.DONE);
  }

  @Test
  void rotatingAnAlreadyRotatedKeyWithAnotherJournalSaysSoNotPassPermissions() {
    RotationReport first = rotation(SecretStore.envFile(env), "journal-a").execute();
    assertThat(first.status()).isEqualTo(RotationReport.Status.DONE);

    assertThatThrownBy(() -> rotation(SecretStore.envFile(env), "journal-b").execute())
        .isInstanceOf(RotationException.class)
        .hasMessageContaining("root key " + old.id + " no longer exists")
        .hasMessageContaining("the store holds root key " + first.newKeyId().orElseThrow())
        .hasMessageContaining("rotated already")
        .hasMessageContaining(dir.resolve("journal-b").toString())
        .hasMessageNotContaining("pass permissions");
    assertExactlyOneLiveKeyAndItIsStored();
  }

  @Test
  void aKeyTheServerDoesNotKnowIsReportedAsDeletedOrRotated() throws IOException {
    Files.writeString(env, "UNKEY_ROOT_KEY=" + old.secret.reveal() + "\n");
    old.deleted = true;
    assertThatThrownBy(() -> rotation(SecretStore.envFile(env), "journal").execute())
        .isInstanceOf(RotationException.class)
        .hasMessageContaining("the server does not know root key " + old.id)
        .hasMessageContaining("deleted, or rotated by a plan journaled elsewhere");
  }

  private void assertExactlyOneLiveKeyAndItIsStored() {
    assertThat(server.violations).isEmpty();
    assertThat(server.live()).hasSize(1);
    Secret stored = SecretStore.envFile(env).read("UNKEY_ROOT_KEY").orElseThrow();
    assertThat(server.live().get(0).secret).isEqualTo(stored);
  }

  private Process startChild() throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            StoreLockChild.class.getName(),
            env.toString(),
            old.id)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private String runChild(boolean hold) throws Exception {
    Process child = startChild();
    try (BufferedReader out = reader(child)) {
      String line = out.readLine();
      if (!hold) {
        child.getOutputStream().close();
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return String.valueOf(line);
    }
  }

  private static BufferedReader reader(Process child) {
    return new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }
}
