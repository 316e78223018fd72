package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.testing.store.VersionedSecretStoreContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on {@link VersionedSecretStore#envFile}: each handle is a new store object on
 * the same file; a lease expires when its process dies, so the takeover test kills a child JVM that
 * holds it.
 */
class EnvFileVersionedStoreContractTest extends VersionedSecretStoreContract {
  @TempDir Path dir;
  Path env;

  @BeforeEach
  void createFile() throws IOException {
    env = dir.resolve(".env");
    Files.writeString(env, "# app\nOTHER=1\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
  }

  @Override
  protected VersionedSecretStore newHandle() {
    return VersionedSecretStore.envFile(env);
  }

  @Override
  protected void holdThenExpire(String name, String holder, Duration ttl) throws Exception {
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    EnvLeaseChild.class.getName(),
                    env.toString(),
                    name,
                    holder))
            .redirectError(dir.resolve("child-stderr.txt").toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked");
      assertThatThrownBy(() -> newHandle().tryLock(name, "other", ttl))
          .isInstanceOf(ConcurrentRotationException.class)
          .hasMessageContaining(holder);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }
  }
}
