package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The sidecar of the versioned {@code .env} store ({@link VersionedEnvFileStore}): per name a
 * version counter and the CURRENT, PENDING and PREVIOUS slots (version, token, value), plus a
 * random key that names hand-edited values. One line per entry, values percent-encoded:
 *
 * <pre>
 * # keyward: versions and staged values of .env (owner-only; do not edit)
 * mac=3f9a...
 * UNKEY_ROOT_KEY.next=7
 * UNKEY_ROOT_KEY.current=7 0d9c...-token unkey_...
 * </pre>
 */
final class EnvVersions {
  private static final String HEADER = "# keyward: versions and staged values of ";
  private static final String NONE = "%"; // never produced by encode, which writes %XX

  /** A version in a stage: its token (null if unknown) and value (null for ABSENT). */
  static final class Slot {
    final SecretVersion version;
    final @Nullable String token;
    final @Nullable Secret value;

    Slot(SecretVersion version, @Nullable String token, @Nullable Secret value) {
      this.version = version;
      this.token = token;
      this.value = value;
    }

    @Nullable VersionedSecret toVersioned() {
      return value == null ? null : new VersionedSecret(value, version, token);
    }

    @Override
    public String toString() {
      return "Slot{" + version + "}";
    }
  }

  /** The versions of one name. */
  static final class Entry {
    long next;
    @Nullable Slot current;
    @Nullable Slot pending;
    @Nullable Slot previous;

    /** The slot whose version {@code token} created, if one still holds it. */
    @Nullable Slot byToken(String token) {
      for (Slot s : new Slot[] {current, pending, previous}) {
        if (s != null && token.equals(s.token)) {
          return s;
        }
      }
      return null;
    }

    /** Whether keyward never versioned this name in this file. */
    boolean fresh() {
      return next == 0 && current == null && pending == null && previous == null;
    }

    SecretVersion newVersion() {
      return SecretVersion.of(Long.toString(++next));
    }
  }

  private @Nullable String macKey;
  private final Map<String, Entry> entries = new TreeMap<>();

  static EnvVersions parse(byte[] bytes) {
    EnvVersions v = new EnvVersions();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (line.startsWith("#") || eq < 0) {
        continue;
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (key.equals("mac")) {
        v.macKey = value;
        continue;
      }
      int dot = key.lastIndexOf('.');
      if (dot <= 0) {
        continue;
      }
      Entry e = v.entry(key.substring(0, dot));
      switch (key.substring(dot + 1)) {
        case "next" -> e.next = Long.parseLong(value);
        case "current" -> e.current = slot(value);
        case "pending" -> e.pending = slot(value);
        case "previous" -> e.previous = slot(value);
        default -> {
          // a field of a newer keyward
        }
      }
    }
    return v;
  }

  Entry entry(String name) {
    return entries.computeIfAbsent(name, n -> new Entry());
  }

  /** The bytes to write; creates the random key of hand-edited versions on first use. */
  byte[] bytes(String fileName) {
    if (macKey == null) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      macKey = HexFormat.of().formatHex(key);
    }
    StringBuilder b = new StringBuilder(HEADER).append(fileName);
    b.append(" (owner-only; do not edit)\nmac=").append(macKey).append('\n');
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      String n = e.getKey();
      Entry v = e.getValue();
      b.append(n).append(".next=").append(v.next).append('\n');
      append(b, n, "current", v.current);
      append(b, n, "pending", v.pending);
      append(b, n, "previous", v.previous);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The version of a value keyward did not write (edited by hand): a keyed hash under this file's
   * random key, so it changes with the value and tells nothing about it to whoever lacks the
   * sidecar (which holds the values anyway).
   */
  SecretVersion editedVersion(Secret value) {
    if (macKey == null) {
      return SecretVersion.of("e-0");
    }
    try {
      // SHA-256 over the key, a separator and the value: java.security only (core's ArchUnit rule
      // admits java.* alone); a fixed-length key prefix needs no HMAC construction for this use
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(HexFormat.of().parseHex(macKey));
      sha.update((byte) 0);
      byte[] digest = sha.digest(value.reveal().getBytes(StandardCharsets.UTF_8));
      return SecretVersion.of("e-" + HexFormat.of().formatHex(digest, 0, 8));
    } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot hash a value edited by hand", e);
    }
  }

  private static void append(StringBuilder b, String name, String stage, @Nullable Slot s) {
    if (s == null) {
      return;
    }
    b.append(name).append('.').append(stage).append('=').append(s.version.token()).append(' ');
    b.append(s.token == null ? NONE : s.token).append(' ');
    b.append(s.value == null ? NONE : JournalRecord.encode(s.value.reveal())).append('\n');
  }

  private static Slot slot(String text) {
    String[] parts = text.split(" ", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a versions line must hold version, token and value");
    }
    return new Slot(
        SecretVersion.of(parts[0]),
        parts[1].equals(NONE) ? null : parts[1],
        parts[2].equals(NONE) ? null : Secret.of(JournalRecord.decode(parts[2])));
  }
}
