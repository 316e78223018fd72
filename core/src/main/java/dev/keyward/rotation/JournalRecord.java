package dev.keyward.rotation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * One line of a journal: a type and named fields holding ids, names, permissions and instants,
 * never a key. On disk: {@code <crc32 hex> <type> <name>=<value> ...\n}, values percent-encoded.
 *
 * <p>{@link #type()} is the type as spelled on disk; {@link #knownType()} is the same as a {@link
 * Type}, or null for a type this version of keyward does not know (a newer keyward wrote it).
 */
record JournalRecord(String type, Map<String, String> fields) {
  /**
   * The record types of root-key plans ({@link RootPlan}) and bulk rerolls ({@link BulkPlan}). A
   * type's {@link #wireName()} is its spelling on disk: journals already written depend on it, so
   * it never changes.
   */
  enum Type {
    // root-key plans, in the order a plan writes them
    PLAN("PLAN"),
    CREATE("CREATE"),
    CREATED("CREATED"),
    SUPPLIED("SUPPLIED"),
    BACKUP("BACKUP"),
    STORED("STORED"),
    RESTORED("RESTORED"),
    ORPHANS("ORPHANS"),
    DEPLOYED("DEPLOYED"),
    VERIFIED("VERIFIED"),
    /** A staged plan ({@link VersionedSecretStore}) made its verified version current. */
    PROMOTED("PROMOTED"),
    REVOKE_AFTER("REVOKE_AFTER"),
    REVOKE_CONFIRMED("REVOKE_CONFIRMED"),
    REVOKED("REVOKED"),
    /** The deleted old key was refused (401) enough times in a row: revocation propagated. */
    REVOCATION_SEEN("REVOCATION_SEEN"),
    /** The old key's plaintext was unknown, so its revocation could not be awaited. */
    REVOCATION_UNCHECKED("REVOCATION_UNCHECKED"),
    ROLLBACK("ROLLBACK"),
    STORE_RESTORED("STORE_RESTORED"),
    ROLLED_BACK("ROLLED_BACK"),
    /** The last record of a root-key plan, and of one key in a bulk reroll. */
    DONE("DONE"),
    // bulk rerolls
    BULK("BULK"),
    TARGETS("TARGETS"),
    TARGETS_END("TARGETS_END"),
    INTENT("INTENT"),
    REROLLED("REROLLED"),
    RECOVERED("RECOVERED"),
    /** Read for journals of older keywards; no longer written. */
    NOT_APPLIED("NOT_APPLIED"),
    FAILED("FAILED"),
    BULK_DONE("BULK_DONE");

    private static final Map<String, Type> BY_WIRE_NAME = new HashMap<>();

    static {
      for (Type type : values()) {
        BY_WIRE_NAME.put(type.wireName, type);
      }
    }

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    /** The spelling on disk. */
    String wireName() {
      return wireName;
    }

    /** The type spelled {@code wireName} on disk, or null if this version does not know it. */
    static @Nullable Type fromWireName(String wireName) {
      return BY_WIRE_NAME.get(wireName);
    }
  }

  JournalRecord {
    Objects.requireNonNull(type, "type == null");
    fields = Map.copyOf(new LinkedHashMap<>(fields));
  }

  static JournalRecord of(Type type, String... namesAndValues) {
    return of(type.wireName(), namesAndValues);
  }

  /** A record of a type given by its spelling, which need not be a known {@link Type}. */
  static JournalRecord of(String type, String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("namesAndValues must come in pairs");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new JournalRecord(type, fields);
  }

  /** This record's type, or null if this version of keyward does not know it. */
  @Nullable Type knownType() {
    return Type.fromWireName(type);
  }

  /** Whether this record is of {@code type}. */
  boolean is(Type type) {
    return this.type.equals(type.wireName());
  }

  @Nullable String get(String name) {
    return fields.get(name);
  }

  String require(String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalStateException("journal record " + type + " lacks field " + name);
    }
    return value;
  }

  List<String> list(String name) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      out.add(decode(part));
    }
    return out;
  }

  static String joinList(List<String> values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(encode(v));
    }
    return b.toString();
  }

  /** The line written to disk, including the trailing newline. */
  byte[] toLine() {
    StringBuilder payload = new StringBuilder(encode(type));
    fields.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                payload
                    .append(' ')
                    .append(encode(e.getKey()))
                    .append('=')
                    .append(encode(e.getValue())));
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    String crc = String.format("%08x", crc(body, 0, body.length));
    byte[] line = new byte[9 + body.length + 1];
    System.arraycopy(crc.getBytes(StandardCharsets.US_ASCII), 0, line, 0, 8);
    line[8] = ' ';
    System.arraycopy(body, 0, line, 9, body.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /** Parses one line without its newline; null if it is torn or corrupt. */
  static @Nullable JournalRecord parse(byte[] bytes, int from, int to) {
    if (to - from < 10 || bytes[from + 8] != ' ') {
      return null;
    }
    long expected;
    try {
      expected = Long.parseLong(new String(bytes, from, 8, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      return null;
    }
    if (crc(bytes, from + 9, to - from - 9) != expected) {
      return null;
    }
    String[] parts = new String(bytes, from + 9, to - from - 9, StandardCharsets.UTF_8).split(" ");
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : Arrays.asList(parts).subList(1, parts.length)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        return null;
      }
      fields.put(decode(part.substring(0, eq)), decode(part.substring(eq + 1)));
    }
    return new JournalRecord(decode(parts[0]), fields);
  }

  private static long crc(byte[] bytes, int off, int len) {
    CRC32 crc = new CRC32();
    crc.update(bytes, off, len);
    return crc.getValue();
  }

  static String encode(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-'
          || c == '.'
          || c == ':'
          || c == '*'
          || c == '~') {
        b.append((char) c);
      } else {
        b.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length()) {
        out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return new String(toLine(), 9, toLine().length - 10, StandardCharsets.UTF_8);
  }
}
