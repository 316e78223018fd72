package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned .env store against links, planted sidecars, other processes and SIGKILL. */
class VersionedEnvFileStoreAttackTest {
  @TempDir Path dir;
  Path env;
  Path sidecar;

  @BeforeEach
  void file() throws IOException {
    env = dir.resolve(".env");
    sidecar = dir.resolve("..env.keyward-versions");
    Files.writeString(env, "KEY=unkey_old\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
  }

  static String token() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  static SecretVersion version(VersionedSecretStore store) {
    return store.readVersioned("KEY").orElseThrow().version();
  }

  /** The same version holding the same value (VersionedSecret has no equals). */
  static void assertSame(java.util.Optional<VersionedSecret> actual, VersionedSecret expected) {
    assertThat(actual).isPresent();
    assertThat(actual.get().version()).isEqualTo(expected.version());
    assertThat(actual.get().value()).isEqualTo(expected.value());
  }

  Process child(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(VersionedEnvChild.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  static String firstLine(Process p) throws IOException {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }

  /**
   * Finding (medium): the plain {@code write} and {@code delete} of the versioned .env store were
   * those of the unversioned store: the replaced value did not become PREVIOUS (as the interface
   * promises), the sidecar was not touched, and they ran outside the cross-process lock.
   */
  @Test
  void plainWriteAndDeleteKeepTheStagesAsTheInterfacePromises() {
    VersionedSecretStore store = VersionedSecretStore.envFile(env);
    VersionedSecret a = store.write("KEY", Secret.of("unkey_a"), version(store), token());
    store.write("KEY", Secret.of("unkey_b"));
    assertSame(store.readStage("KEY", VersionedSecretStore.Stage.PREVIOUS), a);
    VersionedSecret b = store.readVersioned("KEY").orElseThrow();
    assertThat(b.value()).isEqualTo(Secret.of("unkey_b"));
    assertThat(b.version().token())
        .as("a version keyward made, not a hand edit's")
        .doesNotStartWith("e-");
    store.delete("KEY");
    assertThat(store.read("KEY")).isEmpty();
    assertSame(store.readStage("KEY", VersionedSecretStore.Stage.PREVIOUS), b);
  }

  /** Same finding: a plain write in another process slipped into a compare-and-set and was lost. */
  @Test
  void aPlainWriteOfAnotherProcessIsNeverLostInsideACompareAndSet() throws Exception {
    AtomicReference<Process> other = new AtomicReference<>();
    Storage pausing =
        new Storage() {
          @Override
          public FileChannel open(Path path, OpenOption... options) throws IOException {
            return Storage.SYSTEM.open(path, options);
          }

          @Override
          public void move(Path from, Path to) throws IOException {
            Storage.SYSTEM.move(from, to);
          }

          @Override
          public void syncDirectory(Path directory) throws IOException {
            Storage.SYSTEM.syncDirectory(directory);
          }

          @Override
          public void checkpoint(String name) {
            if (!name.equals("env.write") || other.get() != null) {
              return;
            }
            try { // the sidecar is being written, under the lock: another process writes now
              Process p = child("plain", env.toString(), "KEY", "unkey_other");
              other.set(p);
              p.waitFor(3, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
              throw new IllegalStateException(e);
            }
          }
        };
    VersionedSecretStore store = new VersionedEnvFileStore(env, pausing);
    VersionedSecret mine = store.write("KEY", Secret.of("unkey_mine"), version(store), token());
    Process p = other.get();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    // the other write either came after ours (and ours is PREVIOUS) or before (and ours failed)
    assertThat(Files.readString(env)).isEqualTo("KEY=unkey_other\n");
    assertSame(store.readStage("KEY", VersionedSecretStore.Stage.PREVIOUS), mine);
  }

  @Test
  void twoProcessesCompareAndSetAtOnceAndExactlyOneWinsEachRound() throws Exception {
    int rounds = 8;
    Process a = child("rounds", env.toString(), "KEY", dir.toString(), "a", "" + rounds);
    Process b = child("rounds", env.toString(), "KEY", dir.toString(), "b", "" + rounds);
    int overlapping = 0;
    try {
      for (int r = 0; r < rounds; r++) {
        awaitFile(dir.resolve("ready-" + r + "-a"));
        awaitFile(dir.resolve("ready-" + r + "-b"));
        Files.createFile(dir.resolve("go-" + r));
        String[] ra = Files.readString(awaitFile(dir.resolve("done-" + r + "-a"))).split(" ");
        String[] rb = Files.readString(awaitFile(dir.resolve("done-" + r + "-b"))).split(" ");
        assertThat(List.of(ra[0], rb[0]))
            .as("round " + r)
            .containsExactlyInAnyOrder("won", "conflict");
        // both calls were running at the same moment: each began before the other ended
        if (Long.parseLong(ra[1]) < Long.parseLong(rb[2])
            && Long.parseLong(rb[1]) < Long.parseLong(ra[2])) {
          overlapping++;
        }
        String winner = ra[0].equals("won") ? "a" : "b";
        assertThat(Files.readString(env)).isEqualTo("KEY=unkey_" + winner + "x" + r + "\n");
      }
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    assertThat(overlapping).as("rounds whose two writes overlapped").isPositive();
  }

  private static Path awaitFile(Path p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(p)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + p.getFileName());
      }
      Thread.sleep(1);
    }
    return p;
  }

  @Test
  void sigkillAnywhereLeavesAFileThatReadsAsAKeywardVersion() throws Exception {
    for (int run = 0; run < 3; run++) {
      Process writer = child("loop", env.toString(), "KEY");
      try {
        assertThat(firstLine(writer)).isEqualTo("writing");
        Thread.sleep(200 + 150 * run);
      } finally {
        writer.destroyForcibly();
        assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
      }
      VersionedSecretStore store = VersionedSecretStore.envFile(env);
      VersionedSecret now = store.readVersioned("KEY").orElseThrow();
      assertThat(now.version().token()).doesNotStartWith("e-");
      VersionedSecret next =
          store.write("KEY", Secret.of("unkey_after" + run), now.version(), token());
      assertThat(store.readStage("KEY", VersionedSecretStore.Stage.PREVIOUS).orElseThrow().value())
          .isEqualTo(now.value());
      assertSame(store.readVersioned("KEY"), next);
    }
  }

  @Test
  void aLinkedSidecarIsRefusedAndItsTargetLeftAlone() throws IOException {
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "precious\n");
    Files.createSymbolicLink(sidecar, victim);
    VersionedSecretStore store = VersionedSecretStore.envFile(env);
    assertThatThrownBy(() -> store.readStage("KEY", VersionedSecretStore.Stage.PREVIOUS))
        .isInstanceOf(SecretStoreException.class);
    assertThatThrownBy(
            () -> store.write("KEY", Secret.of("unkey_x"), SecretVersion.of("e-0"), token()))
        .isInstanceOf(SecretStoreException.class);
    assertThat(Files.readString(victim)).isEqualTo("precious\n");
    assertThat(Files.readString(env)).isEqualTo("KEY=unkey_old\n");
  }

  @Test
  void aLinkedEnvFileKeepsItsSidecarBesideTheRealFile() throws IOException {
    Path real = Files.createDirectory(dir.resolve("real")).resolve("app.env");
    Files.writeString(real, "KEY=unkey_old\n");
    Path link = dir.resolve("link.env");
    Files.createSymbolicLink(link, real);
    VersionedSecretStore store = VersionedSecretStore.envFile(link);
    store.write("KEY", Secret.of("unkey_new"), version(store), token());
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("KEY=unkey_new\n");
    assertThat(real.resolveSibling(".app.env.keyward-versions")).exists();
    assertThat(dir.resolve(".link.env.keyward-versions")).doesNotExist();
  }

  /**
   * Finding (low): a sidecar that another user can write (planted, or restored with a loose mode)
   * was trusted: its PREVIOUS value is what a staged rotation's revocation wait polls with, so a
   * local user could make keyward await another key. Refused now, naming the file, never a value.
   */
  @Test
  void aSidecarOthersCanWriteIsRefusedAndAWriteLeavesItOwnerOnly() throws IOException {
    VersionedSecretStore store = VersionedSecretStore.envFile(env);
    store.write("KEY", Secret.of("unkey_mine"), version(store), token());
    String planted = Files.readString(sidecar).replace("unkey_old", "unkey_planted");
    Files.writeString(sidecar, planted);
    Files.setPosixFilePermissions(sidecar, PosixFilePermissions.fromString("rw-rw-rw-"));
    UserPrincipal nobody =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(sidecar, nobody);

    assertThatThrownBy(() -> store.readStage("KEY", VersionedSecretStore.Stage.PREVIOUS))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining(sidecar.getFileName().toString())
        .hasMessageNotContaining("unkey_");

    Files.setPosixFilePermissions(sidecar, PosixFilePermissions.fromString("rw-r--r--"));
    VersionedSecret next = store.write("KEY", Secret.of("unkey_next"), version(store), token());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sidecar)))
        .isEqualTo("rw-------");
    assertThat(Files.getOwner(sidecar)).isNotEqualTo(nobody);
    assertSame(store.readVersioned("KEY"), next);
  }

  @Test
  void aTruncatedSidecarFailsWithoutAValueOrReadsAsAPrefixOfIt() throws IOException {
    VersionedSecretStore store = VersionedSecretStore.envFile(env);
    store.write("KEY", Secret.of("unkey_second"), version(store), token());
    store.stage("KEY", Secret.of("unkey_pending"), token());
    byte[] whole = Files.readAllBytes(sidecar);
    for (int cut = 0; cut < whole.length; cut++) {
      Files.write(sidecar, java.util.Arrays.copyOf(whole, cut));
      for (VersionedSecretStore.Stage stage : VersionedSecretStore.Stage.values()) {
        try {
          store.readStage("KEY", stage);
        } catch (IllegalStateException | SecretStoreException e) {
          assertThat(e.getMessage()).doesNotContain("unkey_");
        }
      }
    }
  }
}
