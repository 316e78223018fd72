package dev.keyward.leak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Escaping for the three rule formats and the atomic file write. {@link dev.keyward.key.KeyFormat}
 * already limits prefixes to {@code [a-zA-Z0-9_]}, which none of the formats treats specially; the
 * escaping is still complete, so a looser prefix rule later cannot produce a broken or different
 * rule.
 */
final class RuleText {
  private RuleText() {}

  /**
   * {@code text} as a regular-expression literal valid in RE2 and Hyperscan alike: word characters
   * as they are, ASCII punctuation behind a backslash, anything else as {@code \x{hex}}.
   */
  static String regexLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (isWordChar(c)) {
                // RE2 rejects a backslash before a word character, so these are never escaped
                out.appendCodePoint(c);
              } else if (c > 0x20 && c < 0x7f) {
                out.append('\\').appendCodePoint(c);
              } else {
                out.append("\\x{").append(Integer.toHexString(c)).append('}');
              }
            });
    return out.toString();
  }

  /** {@code text} as a TOML basic string (double quotes, backslash escapes). */
  static String tomlString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  /**
   * {@code text} as a YAML flow scalar: single-quoted (backslashes stay literal, a quote doubles)
   * when every character is printable, else double-quoted with {@code \\u} escapes.
   */
  static String yamlString(String text) {
    boolean printable = text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f);
    if (printable) {
      return "'" + text.replace("'", "''") + "'";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  /**
   * Writes {@code text} (UTF-8) to {@code dir/name} through a temporary file in the same directory
   * that is forced to disk and renamed over the target, so readers never see a partial file.
   */
  static Path writeAtomically(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(name);
    Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  private static boolean isWordChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
