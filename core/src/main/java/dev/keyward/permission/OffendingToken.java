package dev.keyward.permission;

/**
 * Quotes a rejected token for an exception message: short tokens verbatim, long or key-shaped ones
 * shortened, so a message never carries a whole input or something that looks like a key.
 */
final class OffendingToken {
  private static final int MAX_QUOTED = 48;
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private OffendingToken() {}

  static String quote(String token) {
    if (looksLikeKey(token)) {
      int underscore = token.lastIndexOf('_');
      return "'"
          + token.substring(0, Math.min(token.length(), underscore + 1))
          + "…' (a key-shaped token)";
    }
    StringBuilder out = new StringBuilder(Math.min(token.length(), MAX_QUOTED) + 24).append('\'');
    int limit = Math.min(token.length(), MAX_QUOTED);
    for (int i = 0; i < limit; i++) {
      char c = token.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (token.length() > MAX_QUOTED) {
      out.append("… (").append(token.length()).append(" characters)");
    }
    return out.toString();
  }

  /** A single character, printed safely. */
  static String quote(char c) {
    if (c < 0x20 || c == 0x7f || c >= 0x80) {
      return String.format("U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  /** {@code prefix_} + at least 16 base58 characters, and no dot: the shape of an Unkey key. */
  static boolean looksLikeKey(String token) {
    int underscore = token.lastIndexOf('_');
    if (underscore < 0 || token.length() - underscore - 1 < 16 || token.indexOf('.') >= 0) {
      return false;
    }
    for (int i = underscore + 1; i < token.length(); i++) {
      if (BASE58.indexOf(token.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
