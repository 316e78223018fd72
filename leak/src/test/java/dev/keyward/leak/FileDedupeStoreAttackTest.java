package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file dedupe store against a hostile file system, other processes and SIGKILL. */
class FileDedupeStoreAttackTest {
  @TempDir Path dir;

  static String hash(int i) {
    return TokenHashes.of("t" + i);
  }

  Process child(Path store, String mode) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            DedupeStoreChild.class.getName(),
            store.toString(),
            mode)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  static String firstLine(Process p) throws IOException {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }

  @Test
  void aDirectoryOrALinkedLockFileIsRefusedAndNothingIsFollowed() throws IOException {
    Path store = dir.resolve("leaks.log");
    Files.createDirectory(store);
    assertThatThrownBy(() -> LeakDedupeStore.file(store)).isInstanceOf(IOException.class);
    assertThat(Files.isDirectory(store)).isTrue();

    Path other = dir.resolve("other.log");
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "precious\n");
    Files.createSymbolicLink(dir.resolve("other.log.lock"), victim);
    assertThatThrownBy(() -> LeakDedupeStore.file(other)).isInstanceOf(IOException.class);
    assertThat(Files.readString(victim)).isEqualTo("precious\n");
    assertThat(Files.exists(other)).isFalse();
  }

  @Test
  void aFileSomeoneElseLeftReadableIsRewrittenOwnerOnly() throws IOException {
    Path store = dir.resolve("leaks.log");
    Files.writeString(store, "C " + hash(1) + " API_KEY key_1\n");
    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-rw-rw-"));
    try (FileDedupeStore s = LeakDedupeStore.file(store)) {
      assertThat(s.find(hash(1))).isPresent();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store)))
        .isEqualTo("rw-------");
  }

  @Test
  void aDoneLineForARecordNeverClaimedIsIgnored() throws IOException {
    Path store = dir.resolve("leaks.log");
    Files.writeString(
        store, "D " + hash(1) + "\nC " + hash(1) + " API_KEY key_1\nC x API_KEY key_2\n");
    try (FileDedupeStore s = LeakDedupeStore.file(store)) {
      assertThat(s.find(hash(1))).get().extracting(LeakRecord::done).isEqualTo(false);
    }
    assertThat(Files.readString(store)).isEqualTo("C " + hash(1) + " API_KEY key_1\n");
  }

  @Test
  void anotherProcessHoldingTheStoreKeepsUsOutUntilItDies() throws Exception {
    Path store = dir.resolve("leaks.log");
    Process holder = child(store, "hold");
    try {
      assertThat(firstLine(holder)).isEqualTo("open");
      assertThatThrownBy(() -> LeakDedupeStore.file(store))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("another store");
    } finally {
      holder.destroyForcibly();
      assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    try (FileDedupeStore s = LeakDedupeStore.file(store)) {
      assertThat(s.path()).isEqualTo(store.toAbsolutePath());
    }
  }

  @Test
  void sigkillDuringAppendsLosesAtMostTheLineBeingWritten() throws Exception {
    Path store = dir.resolve("leaks.log");
    Process writer = child(store, "append");
    try {
      assertThat(firstLine(writer)).isEqualTo("appending");
      Thread.sleep(300);
    } finally {
      writer.destroyForcibly(); // SIGKILL
      assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    List<String> lines = Files.readAllLines(store, StandardCharsets.US_ASCII);
    int claims;
    try (FileDedupeStore s = LeakDedupeStore.file(store)) {
      claims = 0;
      while (s.find(TokenHashes.of("token-" + claims)).isPresent()) {
        claims++;
      }
      // every record before the last is complete and done
      for (int i = 0; i < claims - 1; i++) {
        assertThat(s.find(TokenHashes.of("token-" + i))).get().matches(LeakRecord::done);
      }
    }
    assertThat(claims).isPositive();
    assertThat(claims).isGreaterThanOrEqualTo(lines.size() / 2 - 1);
    String repaired = Files.readString(store, StandardCharsets.US_ASCII);
    assertThat(repaired).endsWith("\n");
    for (String line : repaired.split("\n")) {
      assertThat(line).matches("(C [0-9a-f]{64} API_KEY key_[0-9]+|D [0-9a-f]{64})");
    }
  }
}
