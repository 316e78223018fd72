package dev.keyward.redact;

import static dev.keyward.redact.CharSequences.escapedStringEnd;
import static dev.keyward.redact.CharSequences.indexOf;
import static dev.keyward.redact.CharSequences.isAlphanumeric;
import static dev.keyward.redact.CharSequences.isIn;
import static dev.keyward.redact.CharSequences.isToken;
import static dev.keyward.redact.CharSequences.regionEquals;
import static dev.keyward.redact.CharSequences.regionEqualsIgnoreCase;
import static dev.keyward.redact.CharSequences.skipBackslashes;
import static dev.keyward.redact.CharSequences.skipBlanks;
import static dev.keyward.redact.CharSequences.skipWhitespace;
import static dev.keyward.redact.CharSequences.stringEnd;

import org.jspecify.annotations.Nullable;

/**
 * Finds secrets in text without regular expressions.
 *
 * <p>Three kinds of candidate positions are visited, each found with {@link String#indexOf(int,
 * int)} (vectorised by the JVM), so text without candidates is scanned at memory speed:
 *
 * <ul>
 *   <li>{@code _}: a registered prefix ends here and at least {@link #MIN_SECRET} ASCII letters and
 *       digits follow;
 *   <li>{@code "}: a secret-bearing JSON field name starts here ({@code "key": "…"}, also in
 *       escaped JSON such as {@code \"key\":\"…\"}) and a string value follows;
 *   <li>{@code b}/{@code B}: {@code bearer}, spaces or tabs, and a token follow.
 * </ul>
 *
 * <p>A match is returned packed in a {@code long}: the end of the part that is kept (Unkey's {@code
 * start}) in the high half and the end of the secret in the low half; {@code -1} means none. The
 * scanner is immutable and allocates nothing.
 */
final class SecretScanner {
  /**
   * Secrets shorter than this keep no visible start; prefixed tails shorter than this are words.
   */
  static final int MIN_SECRET = 8;

  /** Visible characters after the prefix (Unkey's {@code start}). */
  static final int START_CHARS = 4;

  static final String MASK = "****";

  /** Registered prefixes without their trailing {@code _}, longest first. */
  private final String[] prefixes;

  /** Secret-bearing field names, lower case ASCII. */
  private final String[] fields;

  /**
   * Last characters of the prefixes and first characters of the fields: cheap rejection of
   * candidates.
   */
  private final boolean[] prefixEnds = new boolean[128];

  private final boolean[] fieldStarts = new boolean[128];

  SecretScanner(String[] prefixes, String[] fields) {
    this.prefixes = prefixes;
    this.fields = fields;
    for (String prefix : prefixes) {
      prefixEnds[prefix.charAt(prefix.length() - 1)] = true;
    }
    for (String field : fields) {
      char c = field.charAt(0);
      fieldStarts[c] = true;
      fieldStarts[Character.toUpperCase(c)] = true;
    }
  }

  /** Returned by {@link #scan} in find mode when there is a match; never appended to. */
  private static final StringBuilder FOUND = new StringBuilder(0);

  /** Returns whether there is a match at or after {@code from}; allocates nothing. */
  boolean contains(CharSequence s, int from) {
    return scan(s, from, null, true) != null;
  }

  /**
   * Appends {@code s} with every match masked to {@code out}, or, when {@code out} is null, to a
   * builder allocated at the first match; returns that builder, or null if {@code out} was null and
   * nothing matched.
   */
  @Nullable StringBuilder redact(CharSequence s, @Nullable StringBuilder out) {
    return scan(s, 0, out, false);
  }

  /**
   * Visits candidates in order, in one pass: each candidate stream only moves forward, so a text
   * with many matches is still scanned in linear time.
   */
  private @Nullable StringBuilder scan(
      CharSequence s, int from, @Nullable StringBuilder out, boolean findOnly) {
    int n = s.length();
    int last = from;
    int underscore = indexOf(s, '_', from);
    int quote = indexOf(s, '"', from);
    int lowerB = indexOf(s, 'b', from);
    int upperB = indexOf(s, 'B', from);
    while (true) {
      int i = min(min(underscore, quote), min(lowerB, upperB));
      if (i == Integer.MAX_VALUE) {
        break;
      }
      long match = -1;
      // Each branch first rejects on one neighbouring character, without a call.
      if (i == underscore) {
        if (i > 0 && isIn(prefixEnds, s.charAt(i - 1))) {
          match = prefixAt(s, i, n);
        }
        underscore = indexOf(s, '_', i + 1);
      } else if (i == quote) {
        if (i + 1 < n && isIn(fieldStarts, s.charAt(i + 1))) {
          match = fieldAt(s, i, n);
        }
        quote = indexOf(s, '"', i + 1);
      } else {
        if (i + 1 < n && (s.charAt(i + 1) | 0x20) == 'e') {
          match = bearerAt(s, i, n);
        }
        if (i == lowerB) {
          lowerB = indexOf(s, 'b', i + 1);
        } else {
          upperB = indexOf(s, 'B', i + 1);
        }
      }
      if (match == -1) {
        continue;
      }
      if (findOnly) {
        return FOUND;
      }
      if (out == null) {
        out = new StringBuilder(n + 16);
      }
      // A prefix match may start inside the previous match; what is left of it stays masked.
      int keepEnd = Math.max(keepEnd(match), last);
      int end = end(match);
      out.append(s, last, keepEnd).append(MASK);
      last = end;
      if (underscore < end) {
        underscore = indexOf(s, '_', end);
      }
      if (quote < end) {
        quote = indexOf(s, '"', end);
      }
      if (lowerB < end) {
        lowerB = indexOf(s, 'b', end);
      }
      if (upperB < end) {
        upperB = indexOf(s, 'B', end);
      }
    }
    if (out != null) {
      out.append(s, last, n);
    }
    return out;
  }

  /**
   * {@code _} at {@code i}: a registered prefix before it and a tail of letters and digits after
   * it. Unkey's bodies are base58, but a migrated key may be base62 ({@code 0}, {@code O}, {@code
   * I}, {@code l}), and stopping at such a character would print the rest of the key.
   */
  private long prefixAt(CharSequence s, int i, int n) {
    for (String prefix : prefixes) {
      int start = i - prefix.length();
      if (start >= 0 && regionEquals(s, start, prefix)) {
        int end = i + 1;
        while (end < n && isAlphanumeric(s.charAt(end))) {
          end++;
        }
        if (end - (i + 1) < MIN_SECRET) {
          return -1; // shorter prefixes ending here see the same tail
        }
        return pack(i + 1 + START_CHARS, end);
      }
    }
    return -1;
  }

  /** {@code "} at {@code i}: a secret-bearing field name, a colon and a string value. */
  private long fieldAt(CharSequence s, int i, int n) {
    int nameStart = i + 1;
    for (String field : fields) {
      int j = nameStart + field.length();
      if (j >= n || !regionEqualsIgnoreCase(s, nameStart, field)) {
        continue;
      }
      // Escaped JSON puts one or more backslashes before the quotes (\"key\" in a JSON string,
      // \\\"key\\\" when that string is itself logged as JSON).
      j = skipBackslashes(s, j, n);
      if (j >= n || s.charAt(j) != '"') {
        continue;
      }
      j = skipWhitespace(s, j + 1, n);
      if (j >= n || s.charAt(j) != ':') {
        continue;
      }
      j = skipWhitespace(s, j + 1, n);
      int quote = skipBackslashes(s, j, n);
      boolean escaped = quote > j;
      j = quote;
      if (j >= n || s.charAt(j) != '"') {
        continue;
      }
      int valueStart = j + 1;
      int valueEnd = escaped ? escapedStringEnd(s, valueStart, n) : stringEnd(s, valueStart, n);
      return masked(s, valueStart, valueEnd, true);
    }
    return -1;
  }

  /** {@code b} or {@code B} at {@code i}: {@code bearer}, blanks, a token. */
  private long bearerAt(CharSequence s, int i, int n) {
    if (i + 7 >= n || !regionEqualsIgnoreCase(s, i + 1, "earer")) {
      return -1;
    }
    int j = i + 6;
    int tokenStart = skipBlanks(s, j, n);
    if (tokenStart == j) {
      return -1;
    }
    int end = tokenStart;
    while (end < n && isToken(s.charAt(end))) {
      end++;
    }
    if (end - tokenStart == 6 && regionEqualsIgnoreCase(s, tokenStart, "bearer")) {
      return -1; // "Bearer Bearer x": the second one introduces the token
    }
    return masked(s, tokenStart, end, false);
  }

  /**
   * Packs the match of a whole value {@code [start, end)}: keeps an optional {@code Bearer} scheme
   * (in header-like fields), then a registered prefix and 4 characters, or 4 characters, or nothing
   * for values shorter than {@link #MIN_SECRET}. A value that is already masked is no match, so
   * that redacting twice changes nothing and allocates nothing.
   */
  private long masked(CharSequence s, int start, int end, boolean schemeAllowed) {
    if (end <= start) {
      return -1;
    }
    int from = start;
    if (schemeAllowed && end - start > 7 && regionEqualsIgnoreCase(s, start, "bearer")) {
      int afterBlanks = skipBlanks(s, start + 6, end);
      if (afterBlanks > start + 6) {
        from = afterBlanks;
      }
    }
    int keepEnd = from;
    int secretStart = from;
    for (String prefix : prefixes) {
      int underscore = from + prefix.length();
      if (underscore < end && s.charAt(underscore) == '_' && regionEquals(s, from, prefix)) {
        secretStart = underscore + 1;
        keepEnd = secretStart;
        break;
      }
    }
    if (end - secretStart >= MIN_SECRET) {
      keepEnd = secretStart + START_CHARS;
    }
    if (end - keepEnd == MASK.length() && regionEquals(s, keepEnd, MASK)) {
      return -1;
    }
    if (keepEnd >= end) {
      return -1;
    }
    return pack(keepEnd, end);
  }

  static long pack(int keepEnd, int end) {
    return ((long) keepEnd << 32) | end;
  }

  static int keepEnd(long match) {
    return (int) (match >>> 32);
  }

  static int end(long match) {
    return (int) match;
  }

  private static int min(int a, int b) {
    return a < b ? a : b;
  }
}
