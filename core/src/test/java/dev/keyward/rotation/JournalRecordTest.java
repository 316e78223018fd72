package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.rotation.JournalRecord.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class JournalRecordTest {
  /** Every type as journals spell it on disk, written out by hand rather than from the enum. */
  private static final Map<String, Type> SPELLINGS = new LinkedHashMap<>();

  static {
    SPELLINGS.put("PLAN", Type.PLAN);
    SPELLINGS.put("CREATE", Type.CREATE);
    SPELLINGS.put("CREATED", Type.CREATED);
    SPELLINGS.put("SUPPLIED", Type.SUPPLIED);
    SPELLINGS.put("BACKUP", Type.BACKUP);
    SPELLINGS.put("STORED", Type.STORED);
    SPELLINGS.put("RESTORED", Type.RESTORED);
    SPELLINGS.put("ORPHANS", Type.ORPHANS);
    SPELLINGS.put("DEPLOYED", Type.DEPLOYED);
    SPELLINGS.put("VERIFIED", Type.VERIFIED);
    SPELLINGS.put("PROMOTED", Type.PROMOTED);
    SPELLINGS.put("REVOKE_AFTER", Type.REVOKE_AFTER);
    SPELLINGS.put("REVOKE_CONFIRMED", Type.REVOKE_CONFIRMED);
    SPELLINGS.put("REVOKED", Type.REVOKED);
    SPELLINGS.put("REVOCATION_SEEN", Type.REVOCATION_SEEN);
    SPELLINGS.put("REVOCATION_UNCHECKED", Type.REVOCATION_UNCHECKED);
    SPELLINGS.put("ROLLBACK", Type.ROLLBACK);
    SPELLINGS.put("STORE_RESTORED", Type.STORE_RESTORED);
    SPELLINGS.put("ROLLED_BACK", Type.ROLLED_BACK);
    SPELLINGS.put("DONE", Type.DONE);
    SPELLINGS.put("BULK", Type.BULK);
    SPELLINGS.put("TARGETS", Type.TARGETS);
    SPELLINGS.put("TARGETS_END", Type.TARGETS_END);
    SPELLINGS.put("INTENT", Type.INTENT);
    SPELLINGS.put("REROLLED", Type.REROLLED);
    SPELLINGS.put("RECOVERED", Type.RECOVERED);
    SPELLINGS.put("NOT_APPLIED", Type.NOT_APPLIED);
    SPELLINGS.put("FAILED", Type.FAILED);
    SPELLINGS.put("BULK_DONE", Type.BULK_DONE);
  }

  @Test
  void oldJournalLinesParseToTheirType() {
    // two lines written by keyward before the record types became an enum, byte for byte
    byte[] plan =
        ("5d92cec3 PLAN at=2026-01-01T00:00:00Z name=billing old=key_old overlap=PT0S"
                + " permissions=api.*.verify_key%2Capi.*.create_key plan=rot-1 source=server"
                + " store=UNKEY_ROOT_KEY")
            .getBytes(StandardCharsets.UTF_8);
    JournalRecord parsed = JournalRecord.parse(plan, 0, plan.length);
    assertThat(parsed).isNotNull();
    assertThat(parsed.knownType()).isSameAs(Type.PLAN);
    assertThat(parsed.list("permissions")).containsExactly("api.*.verify_key", "api.*.create_key");

    byte[] revokeAfter =
        "4762e93f REVOKE_AFTER at=2026-01-01T00:00:00Z notBefore=2026-01-01T00:05:00Z plan=rot-1"
            .getBytes(StandardCharsets.UTF_8);
    JournalRecord after = JournalRecord.parse(revokeAfter, 0, revokeAfter.length);
    assertThat(after).isNotNull();
    assertThat(after.knownType()).isSameAs(Type.REVOKE_AFTER);
  }

  @Test
  void everyLiteralSpellingParsesToTheSameConstant() {
    assertThat(SPELLINGS.values()).containsExactlyInAnyOrder(Type.values());
    SPELLINGS.forEach(
        (spelling, type) -> {
          byte[] line = lineOf(spelling + " key=key_1 plan=rot-1");
          JournalRecord parsed = JournalRecord.parse(line, 0, line.length);
          assertThat(parsed).as(spelling).isNotNull();
          assertThat(parsed.knownType()).as(spelling).isSameAs(type);
          assertThat(parsed.is(type)).as(spelling).isTrue();
          assertThat(type.wireName()).isEqualTo(spelling);
        });
  }

  @Test
  void recordsOfAnEnumTypeAreWrittenWithTheLiteralSpelling() {
    byte[] written = JournalRecord.of(Type.REVOKE_CONFIRMED, "plan", "rot-1").toLine();
    byte[] literal = lineOf("REVOKE_CONFIRMED plan=rot-1");
    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo(new String(literal, StandardCharsets.UTF_8) + "\n");
  }

  @Test
  void anUnknownTypeKeepsItsSpellingAndHasNoConstant() {
    byte[] line = lineOf("FROM_A_NEWER_KEYWARD plan=rot-1");
    JournalRecord parsed = JournalRecord.parse(line, 0, line.length);
    assertThat(parsed).isNotNull();
    assertThat(parsed.type()).isEqualTo("FROM_A_NEWER_KEYWARD");
    assertThat(parsed.knownType()).isNull();
    assertThat(RootPlan.fold(java.util.List.of(parsed)).exists()).isFalse();
  }

  /** A journal line (without its newline) with a checksum computed here, not by JournalRecord. */
  private static byte[] lineOf(String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    return (String.format("%08x", crc.getValue()) + " " + payload).getBytes(StandardCharsets.UTF_8);
  }
}
