package dev.keyward.redact;

/**
 * What {@link SecretScanner} reads text with: ASCII character classes (letters and digits, bearer
 * tokens) and comparisons and searches over a {@link CharSequence}, none of which allocates.
 */
final class CharSequences {
  private static final boolean[] IS_TOKEN = new boolean[128];
  private static final boolean[] IS_ALPHANUMERIC = new boolean[128];

  static {
    // RFC 6750 b64token, plus '*' so that an already masked token is recognised as one token.
    for (char c = 'a'; c <= 'z'; c++) {
      IS_TOKEN[c] = true;
      IS_TOKEN[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      IS_TOKEN[c] = true;
    }
    for (char c = 0; c < 128; c++) {
      IS_ALPHANUMERIC[c] = IS_TOKEN[c] && Character.isLetterOrDigit(c);
    }
    for (char c : "-._~+/=*".toCharArray()) {
      IS_TOKEN[c] = true;
    }
  }

  private CharSequences() {}

  /**
   * End of a JSON string body starting at {@code i}: the unescaped quote, a control character or
   * the text end.
   */
  static int stringEnd(CharSequence s, int i, int n) {
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"' || c < 0x20) {
        return i;
      }
      i += c == '\\' ? 2 : 1;
    }
    return n;
  }

  /** End of a JSON string body that is itself inside a JSON string ({@code \"…\"}). */
  static int escapedStringEnd(CharSequence s, int i, int n) {
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        return i;
      }
      i++;
    }
    return n;
  }

  static int skipWhitespace(CharSequence s, int i, int n) {
    while (i < n) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
      i++;
    }
    return n;
  }

  static int skipBackslashes(CharSequence s, int i, int n) {
    while (i < n && s.charAt(i) == '\\') {
      i++;
    }
    return i;
  }

  static int skipBlanks(CharSequence s, int i, int n) {
    while (i < n) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t') {
        return i;
      }
      i++;
    }
    return n;
  }

  static boolean isIn(boolean[] set, char c) {
    return c < 128 && set[c];
  }

  static boolean isAlphanumeric(char c) {
    return c < 128 && IS_ALPHANUMERIC[c];
  }

  static boolean isToken(char c) {
    return c < 128 && IS_TOKEN[c];
  }

  static boolean regionEquals(CharSequence s, int start, String expected) {
    int length = expected.length();
    if (start + length > s.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (s.charAt(start + k) != expected.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** ASCII case-insensitive comparison; {@code lowerCase} must be lower case. */
  static boolean regionEqualsIgnoreCase(CharSequence s, int start, String lowerCase) {
    int length = lowerCase.length();
    if (start + length > s.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      char c = s.charAt(start + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lowerCase.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(CharSequence s, char c, int from) {
    int i;
    if (s instanceof String) {
      i = ((String) s).indexOf(c, from);
    } else {
      i = -1;
      for (int k = from, n = s.length(); k < n; k++) {
        if (s.charAt(k) == c) {
          i = k;
          break;
        }
      }
    }
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
