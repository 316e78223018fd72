package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.rotation.JournalRecord.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on the rotation journal: hostile files in its directory and hostile content. */
class RotationJournalHostileTest {
  @TempDir Path dir;

  private static void append(RotationJournal journal, String subject, String... types) {
    try (RotationJournal.Session s = journal.lock(subject, "-")) {
      for (String type : types) {
        s.append(JournalRecord.of(type, "plan", "rot-1"));
      }
    }
  }

  @Test
  void aJournalFileLinkedToAnotherFileIsRefusedAndThatFileIsNotTruncated() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim"), "precious, not a journal\n");
    RotationJournal journal = RotationJournal.open(dir.resolve("journal"));
    Files.createDirectories(journal.directory());
    Files.createSymbolicLink(journal.file("key_abc"), victim);

    assertThatThrownBy(() -> journal.lock("key_abc", "-"))
        .isInstanceOf(RotationException.class)
        .hasMessageContaining("not a regular file");
    assertThat(Files.readString(victim)).isEqualTo("precious, not a journal\n");
    // the refused attempt released the journal lock
    Files.delete(journal.file("key_abc"));
    journal.lock("key_abc", "-").close();
  }

  @Test
  void aFifoInPlaceOfTheJournalOrItsLockIsRefusedWithoutBlocking() throws Exception {
    RotationJournal journal = RotationJournal.open(dir);
    EnvFileHostileFileSystemTest.mkfifo(journal.file("key_abc"));
    EnvFileHostileFileSystemTest.refusedWithoutBlocking(
        journal.file("key_abc"), () -> journal.lock("key_abc", "-"));
    EnvFileHostileFileSystemTest.mkfifo(dir.resolve("key_def.lock"));
    EnvFileHostileFileSystemTest.refusedWithoutBlocking(
        dir.resolve("key_def.lock"), () -> journal.lock("key_def", "-"));
    journal.lock("key_other", "-").close(); // the refusals left this JVM's locks usable
  }

  @Test
  void aCorruptRecordFollowedByIntactRecordsIsRefusedNotTruncatedAway() throws Exception {
    RotationJournal journal = RotationJournal.open(dir);
    append(journal, "key_abc", "PLAN", "CREATED", "STORED", "VERIFIED", "REVOKED");
    Path file = journal.file("key_abc");
    byte[] bytes = Files.readAllBytes(file);
    int second = indexOf(bytes, (byte) '\n', 0) + 1;
    bytes[second + 12] ^= 1; // bit rot in CREATED; STORED, VERIFIED and REVOKED are intact
    Files.write(file, bytes);

    // dropping everything after the bad record would forget that the old key was revoked
    assertThatThrownBy(() -> journal.lock("key_abc", "-"))
        .isInstanceOf(RotationException.class)
        .hasMessageContaining("corrupt at byte " + second)
        .hasMessageContaining("intact records follow");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void aTornLastRecordAfterAKillIsStillDroppedAndAGarbageTailToo() throws Exception {
    RotationJournal journal = RotationJournal.open(dir);
    append(journal, "key_abc", "PLAN", "CREATE");
    Path file = journal.file("key_abc");
    long intact = Files.size(file);
    byte[] torn = JournalRecord.of("CREATED", "key", "key_new").toLine();
    Files.write(file, Arrays.copyOf(torn, torn.length - 5), StandardOpenOption.APPEND);
    Files.write(file, new byte[] {0, 0, 0, 0}, StandardOpenOption.APPEND); // delayed allocation
    try (RotationJournal.Session s = journal.lock("key_abc", "-")) {
      assertThat(s.records()).extracting(JournalRecord::type).containsExactly("PLAN", "CREATE");
    }
    assertThat(Files.size(file)).isEqualTo(intact);
  }

  @Test
  void aJournalDirectoryThatIsALinkIsUsedThroughTheLink() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    append(RotationJournal.open(link), "key_abc", "PLAN");
    assertThat(RotationJournal.open(real).read("key_abc")).hasSize(1);
  }

  @Test
  void aJournalFileCopiedFromAnotherKeyDoesNotDriveThatKeysPlan() throws Exception {
    FakeRootKeys server = new FakeRootKeys();
    FakeRootKeys.Key mine = server.add("mine", List.of("api.*.verify_key"));
    FakeRootKeys.Key other = server.add("other", List.of("api.*.verify_key"));
    RotationJournal journal = RotationJournal.open(dir);
    try (RotationJournal.Session s = journal.lock(other.id, "-")) {
      s.append(
          JournalRecord.of(
              Type.PLAN,
              "plan",
              "rot-1",
              "old",
              other.id,
              "name",
              "other",
              "permissions",
              "api.*.verify_key",
              "source",
              "server",
              "store",
              "UNKEY_ROOT_KEY",
              "overlap",
              "PT0S"));
      s.append(JournalRecord.of(Type.VERIFIED, "plan", "rot-1"));
    }
    Files.copy(journal.file(other.id), journal.file(mine.id));
    SecretStore store = SecretStore.inMemory();
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    RootKeyRotation rotation =
        RootKeyRotation.builder()
            .oldKeyId(mine.id)
            .issuer(server)
            .store(store, "UNKEY_ROOT_KEY")
            .verifier(RotationVerifier.authenticatingWith(server::clientFor))
            .journal(journal)
            .clock(clock)
            .sleeper(clock)
            .build();

    assertThatThrownBy(rotation::execute)
        .isInstanceOf(RotationException.class)
        .hasMessageContaining("holds a plan for another key, " + other.id);
    assertThat(other.deleted).as("the other key is not revoked").isFalse();
    assertThat(mine.deleted).isFalse();
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
