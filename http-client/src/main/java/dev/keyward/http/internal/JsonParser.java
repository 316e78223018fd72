package dev.keyward.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses UTF-8 JSON (RFC 8259) into the tree {@link JsonTree} describes: {@link LinkedHashMap}s,
 * {@link ArrayList}s, strings, booleans, nulls, {@link Long}s for integral numbers and {@link
 * java.math.BigDecimal}s for the rest. A recursive descent over the bytes: every response keyward
 * reads goes through here, and it costs a fraction of a streaming {@code JsonReader}.
 *
 * <p>Strict: one document, optional whitespace around it, no comments, no trailing commas, no
 * unescaped control characters in strings, no leading zeros, numbers of at most 64 characters.
 * Duplicate names keep the last value. Invalid UTF-8 becomes U+FFFD, as Okio decodes it. Error
 * messages name the byte offset and what was expected, never the input itself (a response may hold
 * a key).
 */
final class JsonParser {
  /** Deepest nesting accepted; the document itself is depth 0. */
  static final int MAX_DEPTH = 64;

  /**
   * Longest number literal accepted: bounds BigDecimal's work on a hostile body (Moshi stops at
   * 65).
   */
  static final int MAX_NUMBER_LENGTH = 64;

  /** Names longer than this are not cached. */
  private static final int MAX_CACHED_NAME = 32;

  /** Recently seen member names, by a hash of their length and end bytes. */
  private static final String[] NAMES = new String[512];

  private final byte[] in;
  private final int end;
  private int pos;

  private JsonParser(byte[] in, int end) {
    this.in = in;
    this.end = end;
  }

  /**
   * Parses a whole document.
   *
   * @throws WireFormatException if it is not exactly one JSON value (whitespace around it aside)
   */
  static @Nullable Object parse(byte[] json) {
    JsonParser p = new JsonParser(json, json.length);
    p.skipWhitespace();
    Object value = p.value(0);
    p.skipWhitespace();
    if (p.pos != p.end) {
      throw p.error("end of the document");
    }
    return value;
  }

  private @Nullable Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw new WireFormatException("JSON nested deeper than " + MAX_DEPTH + " levels");
    }
    if (pos >= end) {
      throw error("a value");
    }
    switch (in[pos]) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        return number();
    }
  }

  private Map<String, @Nullable Object> object(int depth) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    pos++; // {
    skipWhitespace();
    if (consume('}')) {
      return map;
    }
    while (true) {
      if (pos >= end || in[pos] != '"') {
        throw error("a member name in double quotes");
      }
      String name = name();
      skipWhitespace();
      expect(':', "':' after a member name");
      skipWhitespace();
      map.put(name, value(depth + 1));
      skipWhitespace();
      if (consume('}')) {
        return map;
      }
      expect(',', "',' or '}' in an object");
      skipWhitespace();
    }
  }

  private List<@Nullable Object> array(int depth) {
    List<@Nullable Object> list = new ArrayList<>();
    pos++; // [
    skipWhitespace();
    if (consume(']')) {
      return list;
    }
    while (true) {
      list.add(value(depth + 1));
      skipWhitespace();
      if (consume(']')) {
        return list;
      }
      expect(',', "',' or ']' in an array");
      skipWhitespace();
    }
  }

  /**
   * A member name: short ASCII names without escapes come from a small shared cache, so the same
   * name in every response is neither copied nor hashed again. Entries are immutable strings; a
   * race only costs a miss.
   */
  private String name() {
    int start = pos + 1;
    int i = start;
    while (i < end && i - start <= MAX_CACHED_NAME) {
      byte b = in[i];
      if (b == '"') {
        return cachedName(start, i);
      }
      if (b == '\\' || b < 0x20) {
        break;
      }
      i++;
    }
    return string();
  }

  private String cachedName(int start, int close) {
    int length = close - start;
    int slot =
        (length * 31 + (length == 0 ? 0 : in[start] * 7 + in[close - 1])) & (NAMES.length - 1);
    String cached = NAMES[slot];
    pos = close + 1;
    if (cached != null && cached.length() == length && sameAscii(cached, start)) {
      return cached;
    }
    String name = new String(in, start, length, StandardCharsets.ISO_8859_1);
    NAMES[slot] = name;
    return name;
  }

  private boolean sameAscii(String s, int start) {
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) != in[start + k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A string starting at its opening quote; ASCII without escapes (the common case) is one copy.
   */
  private String string() {
    int start = ++pos;
    boolean ascii = true;
    while (pos < end) {
      byte b = in[pos];
      if (b == '"') {
        String s =
            new String(
                in,
                start,
                pos - start,
                ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        pos++;
        return s;
      }
      if (b == '\\') {
        return escapedString(start);
      }
      if (b >= 0 && b < 0x20) {
        throw error("an escaped control character in a string");
      }
      ascii &= b >= 0;
      pos++;
    }
    throw error("the closing quote of a string");
  }

  /** The rest of a string that holds escapes: runs of raw UTF-8 are decoded between them. */
  private String escapedString(int start) {
    StringBuilder sb = new StringBuilder(pos - start + 16);
    int run = start;
    while (pos < end) {
      byte b = in[pos];
      if (b == '"') {
        appendUtf8(sb, run, pos);
        pos++;
        return sb.toString();
      }
      if (b >= 0 && b < 0x20) {
        throw error("an escaped control character in a string");
      }
      if (b != '\\') {
        pos++;
        continue;
      }
      appendUtf8(sb, run, pos);
      pos++;
      if (pos >= end) {
        break;
      }
      char c = (char) in[pos++];
      switch (c) {
        case '"', '\\', '/' -> sb.append(c);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(hex4());
        default -> {
          pos--;
          throw error("an escape: one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
      }
      run = pos;
    }
    throw error("the closing quote of a string");
  }

  private void appendUtf8(StringBuilder sb, int from, int to) {
    if (to > from) {
      sb.append(new String(in, from, to - from, StandardCharsets.UTF_8));
    }
  }

  private char hex4() {
    if (end - pos < 4) {
      throw error("four hex digits after \\u");
    }
    int c = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(in[pos + i], 16);
      if (d < 0) {
        throw error("four hex digits after \\u");
      }
      c = (c << 4) | d;
    }
    pos += 4;
    return (char) c;
  }

  /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
  private Number number() {
    int start = pos;
    boolean negative = consume('-');
    if (pos >= end || !isDigit(in[pos])) {
      throw error("a value");
    }
    boolean integral = true;
    if (in[pos] == '0') {
      pos++;
    } else {
      digits();
    }
    if (consume('.')) {
      integral = false;
      requireDigits("a digit after the decimal point");
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      integral = false;
      if (!consume('+')) {
        consume('-');
      }
      requireDigits("a digit in the exponent");
    }
    if (pos - start > MAX_NUMBER_LENGTH) {
      pos = start;
      throw error("a number of at most " + MAX_NUMBER_LENGTH + " characters");
    }
    int digits = pos - start - (negative ? 1 : 0);
    if (integral && digits < 19) {
      long v = 0;
      for (int i = negative ? start + 1 : start; i < pos; i++) {
        v = v * 10 + (in[i] - '0');
      }
      return negative ? -v : v;
    }
    return JsonTree.number(new String(in, start, pos - start, StandardCharsets.ISO_8859_1));
  }

  private void requireDigits(String expected) {
    if (pos >= end || !isDigit(in[pos])) {
      throw error(expected);
    }
    digits();
  }

  private void digits() {
    while (pos < end && isDigit(in[pos])) {
      pos++;
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private void literal(String word) {
    int n = word.length();
    if (end - pos < n) {
      throw error("a value");
    }
    for (int i = 0; i < n; i++) {
      if (in[pos + i] != word.charAt(i)) {
        throw error("a value");
      }
    }
    pos += n;
  }

  private boolean consume(char c) {
    if (pos < end && in[pos] == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c, String expected) {
    if (!consume(c)) {
      throw error(expected);
    }
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      pos++;
    }
  }

  private WireFormatException error(String expected) {
    String found = pos >= end ? "the end of the input" : "byte " + pos;
    return new WireFormatException("malformed JSON: expected " + expected + " at " + found);
  }
}
