package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the versioned {@code .env} store keeps on disk, and how it recovers from a crash. */
class VersionedEnvFileStoreTest {
  @TempDir Path dir;
  Path env;
  Path sidecar;

  @BeforeEach
  void file() throws IOException {
    env = dir.resolve(".env");
    sidecar = dir.resolve("..env.keyward-versions");
    Files.writeString(env, "# app\nKEY=old\nOTHER=1\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));
  }

  static String token() {
    return UUID.randomUUID().toString();
  }

  @Test
  void theEnvFileHoldsOnlyCurrentValuesAndTheSidecarIsOwnerOnly() throws IOException {
    VersionedSecretStore store = VersionedSecretStore.envFile(env);
    VersionedSecret current = store.readVersioned("KEY").orElseThrow();
    VersionedSecret pending = store.stage("KEY", Secret.of("unkey_pending1"), token());
    assertThat(Files.readString(env)).isEqualTo("# app\nKEY=old\nOTHER=1\n");
    store.promote("KEY", pending.version());
    assertThat(Files.readString(env)).isEqualTo("# app\nKEY=unkey_pending1\nOTHER=1\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .as("the .env file keeps its mode")
        .isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sidecar)))
        .isEqualTo("rw-------");
    assertThat(store.readStage("KEY", VersionedSecretStore.Stage.PREVIOUS).orElseThrow().version())
        .isEqualTo(current.version());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains("keyward-tmp"));
    }
  }

  @Test
  void aHandEditGetsANewVersionSoAStaleWriteConflicts() throws IOException {
    VersionedSecretStore store = VersionedSecretStore.envFile(env);
    VersionedSecret v = store.write("KEY", Secret.of("unkey_one"), readVersion(store), token());
    Files.writeString(env, "# app\nKEY=edited\nOTHER=1\n");
    SecretVersion edited = readVersion(store);
    assertThat(edited).isNotEqualTo(v.version());
    assertThat(edited.token()).startsWith("e-").doesNotContain("edited");
    assertThat(readVersion(VersionedSecretStore.envFile(env))).isEqualTo(edited);
    assertThatThrownBy(() -> store.write("KEY", Secret.of("unkey_two"), v.version(), token()))
        .isInstanceOf(SecretStoreConflictException.class);
    assertThat(Files.readString(env)).contains("KEY=edited\n");
  }

  @Test
  void aCrashBetweenTheSidecarAndTheEnvFileIsCompletedByTheRetriedToken() {
    String token = token();
    SecretVersion before = readVersion(VersionedSecretStore.envFile(env));
    // find the rename of the .env file: the sidecar is already in place then
    CrashStorage probe = new CrashStorage(0);
    new VersionedEnvFileStore(env, probe).write("KEY", Secret.of("unkey_x"), before, token());
    int event = probe.seen().indexOf("move:.env") + 1;
    assertThat(event).isPositive();
    reset();
    CrashStorage crashing = new CrashStorage(event);
    assertThatThrownBy(
            () ->
                new VersionedEnvFileStore(env, crashing)
                    .write("KEY", Secret.of("unkey_new"), before, token))
        .isInstanceOf(CrashStorage.Crash.class);
    crashing.kill();
    VersionedSecretStore after = VersionedSecretStore.envFile(env);
    assertThat(after.read("KEY")).contains(Secret.of("old"));
    assertThat(readVersion(after)).as("the file still holds the old version").isEqualTo(before);
    VersionedSecret retried = after.write("KEY", Secret.of("unkey_new"), before, token);
    assertThat(after.read("KEY")).contains(Secret.of("unkey_new"));
    assertThat(after.write("KEY", Secret.of("unkey_new"), before, token).version())
        .isEqualTo(retried.version());
  }

  private void reset() {
    try {
      Files.delete(sidecar);
      Files.writeString(env, "# app\nKEY=old\nOTHER=1\n");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static SecretVersion readVersion(VersionedSecretStore store) {
    return store.readVersioned("KEY").orElseThrow().version();
  }
}
