package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes write one {@code .env} file at once and are killed with SIGKILL mid-write: no write
 * may fail for the other's sake (they shared one temporary file name, so one deleted the other's
 * half-written file and renamed it into place), the file is never torn, and the next write removes
 * the temporary files the dead processes left (they may hold a key).
 */
class EnvFileKillTest {
  private static final String HEAD = "# keep this comment\nKEEP=1\n";

  @TempDir Path dir;

  @Test
  void concurrentWritersKilledMidWriteNeitherFailNorTearTheFile() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, HEAD);
    List<Process> children = new ArrayList<>();
    try {
      for (String name : List.of("A", "B")) {
        Process child = start(env, name);
        children.add(child);
        try (BufferedReader out = reader(child)) {
          assertThat(out.readLine()).isEqualTo("writing");
        }
      }
      Thread.sleep(300);
      for (Process child : children) {
        assertThat(child.isAlive()).as("no write of either process failed").isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
      }
      for (Process child : children) {
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      children.forEach(Process::destroyForcibly);
    }

    String text = Files.readString(env);
    assertThat(text).startsWith(HEAD).endsWith("\n");
    for (String line : text.substring(HEAD.length()).split("\n")) {
      assertThat(line).matches("[AB]=v[0-9]+");
    }
    SecretStore.envFile(env).write("C", Secret.of("after"));
    assertThat(Files.readString(env)).startsWith(HEAD).endsWith("C=after\n");
    try (var files = Files.list(dir)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(".env");
    }
  }

  private static Process start(Path env, String name) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            EnvWriteChild.class.getName(),
            env.toString(),
            name)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static BufferedReader reader(Process child) {
    return new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }
}
