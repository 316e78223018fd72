package dev.keyward.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The request line and headers of one HTTP/1.1 request, read before any of its body. */
final class RequestHead {
  /** Request line plus headers; real clients send a few hundred bytes. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  /** Thrown when a head breaks HTTP/1.1's grammar or {@link #MAX_HEAD_BYTES}. */
  static final class MalformedHeadException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    final int status;

    MalformedHeadException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  final String method;
  final String target;
  final String version;
  private final Map<String, List<String>> headers;

  private RequestHead(
      String method, String target, String version, Map<String, List<String>> headers) {
    this.method = method;
    this.target = target;
    this.version = version;
    this.headers = headers;
  }

  /**
   * The path without the query. An absolute-form target ({@code http://host:port/path}, which RFC
   * 9112 requires a server to accept) is reduced to its path.
   */
  String path() {
    String t = target;
    int scheme = t.indexOf("://");
    if (scheme > 0
        && (t.regionMatches(true, 0, "http://", 0, 7)
            || t.regionMatches(true, 0, "https://", 0, 8))) {
      int end = scheme + 3;
      while (end < t.length() && t.charAt(end) != '/' && t.charAt(end) != '?') {
        end++;
      }
      t = end < t.length() && t.charAt(end) == '/' ? t.substring(end) : "/";
    }
    int q = t.indexOf('?');
    return q < 0 ? t : t.substring(0, q);
  }

  /** The first value of {@code name} (any case), or null. */
  @Nullable String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Every header, names as received, in a case-insensitive map. */
  Map<String, List<String>> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * The declared Content-Length, 0 without one, -1 for a chunked body. A request whose framing two
   * parties could read differently is refused: Content-Length together with Transfer-Encoding, a
   * coding list other than exactly {@code chunked} (over all Transfer-Encoding headers), or a
   * Content-Length that is not plain digits.
   */
  long contentLength() throws MalformedHeadException {
    List<String> te = headers.get("Transfer-Encoding");
    List<String> cl = headers.get("Content-Length");
    if (te != null) {
      if (cl != null) {
        throw new MalformedHeadException(400, "Content-Length and Transfer-Encoding together");
      }
      List<String> codings = new ArrayList<>();
      for (String v : te) {
        for (String c : v.split(",", -1)) {
          if (!c.isBlank()) {
            codings.add(c.strip());
          }
        }
      }
      if (codings.size() != 1 || !codings.get(0).equalsIgnoreCase("chunked")) {
        throw new MalformedHeadException(501, "unsupported Transfer-Encoding");
      }
      return -1;
    }
    if (cl == null || cl.isEmpty()) {
      return 0;
    }
    if (cl.size() > 1 && cl.stream().distinct().count() > 1) {
      throw new MalformedHeadException(400, "conflicting Content-Length headers");
    }
    String v = cl.get(0);
    try {
      if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new NumberFormatException();
      }
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new MalformedHeadException(400, "Content-Length must be a non-negative integer");
    }
  }

  /** Whether an HTTP/1.1 client waits for {@code 100 Continue} before it sends the body. */
  boolean expectsContinue() {
    String e = header("Expect");
    return version.equals("HTTP/1.1") && e != null && e.equalsIgnoreCase("100-continue");
  }

  /** Whether the client asked to close the connection after this exchange. */
  boolean wantsClose() {
    String c = header("Connection");
    boolean close = c != null && c.toLowerCase(Locale.ROOT).contains("close");
    boolean keepAlive = c != null && c.toLowerCase(Locale.ROOT).contains("keep-alive");
    return close || (version.equals("HTTP/1.0") && !keepAlive);
  }

  /** {@link #read(InputStream, long)} without a deadline. */
  static @Nullable RequestHead read(InputStream in) throws IOException {
    return read(in, 0);
  }

  /**
   * Reads a head; null when the peer closed the connection cleanly before sending a byte. Blank
   * lines before the request line are skipped, as RFC 9112 allows. With {@code maxNanos > 0} the
   * whole head must arrive within that time (else 408), so that a client trickling a byte now and
   * then cannot hold a connection for ever. Field names must be tokens (no whitespace before the
   * colon, which would hide a Content-Length) and no line may hold control characters but HTAB.
   */
  static @Nullable RequestHead read(InputStream in, long maxNanos) throws IOException {
    Limits limits = new Limits(maxNanos);
    String requestLine;
    do {
      requestLine = readLine(in, limits);
      if (requestLine == null) {
        return null;
      }
    } while (requestLine.isEmpty());
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new MalformedHeadException(400, "malformed request line");
    }
    if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
      throw new MalformedHeadException(505, "only HTTP/1.1 and HTTP/1.0 are served");
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    while (true) {
      String line = readLine(in, limits);
      if (line == null) {
        throw new MalformedHeadException(400, "connection closed inside the headers");
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !token(line, colon)) {
        throw new MalformedHeadException(400, "malformed header line");
      }
      String name = line.substring(0, colon);
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(ows(line.substring(colon + 1)));
    }
    return new RequestHead(parts[0], parts[1], parts[2], headers);
  }

  /** What is left of a head's byte budget, and when it must have arrived. */
  private static final class Limits {
    int budget = MAX_HEAD_BYTES;
    final long deadline;
    final boolean timed;

    Limits(long maxNanos) {
      timed = maxNanos > 0;
      deadline = System.nanoTime() + maxNanos;
    }
  }

  /** Whether {@code line}'s first {@code end} characters are an RFC 9110 token. */
  private static boolean token(String line, int end) {
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code v} without leading and trailing spaces and tabs (RFC 9110's OWS). */
  private static String ows(String v) {
    int from = 0;
    int to = v.length();
    while (from < to && (v.charAt(from) == ' ' || v.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (v.charAt(to - 1) == ' ' || v.charAt(to - 1) == '\t')) {
      to--;
    }
    return v.substring(from, to);
  }

  /**
   * One CRLF- (or LF-) terminated line in ISO-8859-1; null on EOF before any byte of it. A control
   * character other than HTAB (a bare CR, a NUL) is refused, as Go's net/http refuses it.
   */
  private static @Nullable String readLine(InputStream in, Limits limits) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new MalformedHeadException(400, "connection closed inside the head");
      }
      if (--limits.budget < 0) {
        throw new MalformedHeadException(431, "request head larger than " + MAX_HEAD_BYTES);
      }
      if (limits.timed && System.nanoTime() - limits.deadline > 0) {
        throw new MalformedHeadException(408, "request head not received within the read timeout");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        for (int i = 0; i < n; i++) {
          int c = bytes[i] & 0xff;
          if ((c < 0x20 && c != '\t') || c == 0x7f) {
            throw new MalformedHeadException(400, "control character in the request head");
          }
        }
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
  }
}
