package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationJournalTest {
  @TempDir Path dir;

  @Test
  void recordsSurviveReopenWithEncodedValues() {
    RotationJournal journal = RotationJournal.open(dir);
    try (RotationJournal.Session s = journal.lock("key_abc", "-")) {
      s.append(
          JournalRecord.of(
              "PLAN",
              "name",
              "billing service [rot-x]",
              "permissions",
              JournalRecord.joinList(List.of("api.*.verify_key", "a,b=c%d"))));
    }
    try (RotationJournal.Session s = journal.lock("key_abc", "-")) {
      JournalRecord r = s.records().get(0);
      assertThat(r.get("name")).isEqualTo("billing service [rot-x]");
      assertThat(r.list("permissions")).containsExactly("api.*.verify_key", "a,b=c%d");
    }
  }

  @Test
  void tornOrCorruptTailIsDroppedAndAppendsContinueAfterIt() throws Exception {
    RotationJournal journal = RotationJournal.open(dir);
    try (RotationJournal.Session s = journal.lock("key_abc", "-")) {
      s.append(JournalRecord.of("ONE"));
      s.append(JournalRecord.of("TWO", "k", "v"));
    }
    Path file = journal.file("key_abc");
    byte[] line = JournalRecord.of("THREE", "k", "v").toLine();
    Files.write(file, java.util.Arrays.copyOf(line, line.length - 3), StandardOpenOption.APPEND);
    try (RotationJournal.Session s = journal.lock("key_abc", "-")) {
      assertThat(s.records()).extracting(JournalRecord::type).containsExactly("ONE", "TWO");
      s.append(JournalRecord.of("FOUR"));
    }
    assertThat(journal.read("key_abc"))
        .extracting(JournalRecord::type)
        .containsExactly("ONE", "TWO", "FOUR");

    byte[] bytes = Files.readAllBytes(file);
    bytes[12] ^=
        1; // flip a bit inside the first record: its checksum fails, so nothing after it counts
    Files.write(file, bytes);
    assertThat(journal.read("key_abc")).isEmpty();
  }

  @Test
  void lockIsExclusivePerKeyAndReleasedOnClose() {
    RotationJournal journal = RotationJournal.open(dir);
    RotationJournal.Session first = journal.lock("key_abc", "-");
    assertThatThrownBy(() -> journal.lock("key_abc", "rot-1"))
        .isInstanceOf(RotationException.class)
        .satisfies(e -> assertThat(((RotationException) e).planId()).isEqualTo("rot-1"))
        .satisfies(e -> assertThat(((RotationException) e).step()).isEqualTo("lock"));
    journal.lock("key_other", "-").close();
    first.close();
    journal.lock("key_abc", "-").close();
  }

  @Test
  void subjectsThatCouldEscapeTheDirectoryAreRejected() {
    RotationJournal journal = RotationJournal.open(dir);
    assertThatThrownBy(() -> journal.lock("../etc/passwd", "-"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
