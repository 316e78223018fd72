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

  /** The path without the query. */
  String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
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

  /** The declared Content-Length, 0 without one, -1 for a chunked body. */
  long contentLength() throws MalformedHeadException {
    String te = header("Transfer-Encoding");
    if (te != null) {
      if (!te.trim().equalsIgnoreCase("chunked")) {
        throw new MalformedHeadException(501, "unsupported Transfer-Encoding");
      }
      return -1;
    }
    List<String> cl = headers.get("Content-Length");
    if (cl == null || cl.isEmpty()) {
      return 0;
    }
    if (cl.size() > 1 && cl.stream().distinct().count() > 1) {
      throw new MalformedHeadException(400, "conflicting Content-Length headers");
    }
    try {
      long n = Long.parseLong(cl.get(0).trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new MalformedHeadException(400, "Content-Length must be a non-negative integer");
    }
  }

  /** Whether the client asked to close the connection after this exchange. */
  boolean wantsClose() {
    String c = header("Connection");
    boolean close = c != null && c.toLowerCase(Locale.ROOT).contains("close");
    boolean keepAlive = c != null && c.toLowerCase(Locale.ROOT).contains("keep-alive");
    return close || (version.equals("HTTP/1.0") && !keepAlive);
  }

  /**
   * Reads a head; null when the peer closed the connection cleanly before sending a byte. Blank
   * lines before the request line are skipped, as RFC 9112 allows.
   */
  static @Nullable RequestHead read(InputStream in) throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    String requestLine;
    do {
      requestLine = readLine(in, budget);
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
      String line = readLine(in, budget);
      if (line == null) {
        throw new MalformedHeadException(400, "connection closed inside the headers");
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new MalformedHeadException(400, "malformed header line");
      }
      String name = line.substring(0, colon);
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
    }
    return new RequestHead(parts[0], parts[1], parts[2], headers);
  }

  /** One CRLF- (or LF-) terminated line in ISO-8859-1; null on EOF before any byte of it. */
  private static @Nullable String readLine(InputStream in, int[] budget) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new MalformedHeadException(400, "connection closed inside the head");
      }
      if (--budget[0] < 0) {
        throw new MalformedHeadException(431, "request head larger than " + MAX_HEAD_BYTES);
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
  }
}
