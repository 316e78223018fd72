package dev.keyward.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body (Content-Length or chunked) keeping at most a cap of it in memory: the bytes
 * past the cap are either refused or read and dropped, never buffered.
 */
final class BodyReader {
  private BodyReader() {}

  /** A body's first {@code cap} bytes and its full length. */
  record Body(byte[] kept, long size) {}

  /** A body that is longer than the cap the caller allowed. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("request body larger than the cap", null);
    }
  }

  /** A chunked body that breaks HTTP/1.1's grammar: answered 400, and the connection closed. */
  static final class MalformedBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
      super(message, null);
    }
  }

  /**
   * Reads the whole body. With {@code refuseOverCap} a body longer than {@code cap} throws {@link
   * TooLargeException} once the cap is passed (the rest stays unread); otherwise the bytes past the
   * cap are read and dropped so that the connection can carry the next request.
   *
   * @param length the declared Content-Length, or -1 for chunked
   */
  static Body read(InputStream in, long length, int cap, boolean refuseOverCap) throws IOException {
    if (length > cap && refuseOverCap) {
      throw new TooLargeException();
    }
    ByteArrayOutputStream kept =
        new ByteArrayOutputStream((int) Math.min(Math.max(length, 0), cap));
    if (length >= 0) {
      copy(in, length, kept, cap);
      return new Body(kept.toByteArray(), length);
    }
    long total = 0;
    while (true) {
      long size = chunkSize(readLine(in));
      if (size == 0) {
        // Trailers, up to the blank line that ends the body; dropped, and bounded like a head.
        int trailerBytes = 0;
        for (String t = readLine(in); !t.isEmpty(); t = readLine(in)) {
          trailerBytes += t.length() + 2;
          if (trailerBytes > RequestHead.MAX_HEAD_BYTES) {
            throw new MalformedBodyException("trailers larger than " + RequestHead.MAX_HEAD_BYTES);
          }
        }
        return new Body(kept.toByteArray(), total);
      }
      // Not total + size > cap: a size near Long.MAX_VALUE would overflow past the check.
      if (refuseOverCap && size > cap - total) {
        throw new TooLargeException();
      }
      copy(in, size, kept, cap);
      total += size;
      if (!readLine(in).isEmpty()) {
        throw new MalformedBodyException("chunk not followed by CRLF");
      }
    }
  }

  private static void copy(InputStream in, long n, ByteArrayOutputStream kept, int cap)
      throws IOException {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        throw new EOFException("connection closed inside the body");
      }
      int keep = Math.min(r, cap - kept.size());
      if (keep > 0) {
        kept.write(buf, 0, keep);
      }
      left -= r;
    }
  }

  /**
   * A chunk size line's hex digits (no sign, no {@code 0x}), extensions ignored; a size of more
   * than 15 significant digits reads as {@code Long.MAX_VALUE}, larger than any cap.
   */
  private static long chunkSize(String line) throws IOException {
    int semi = line.indexOf(';');
    String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
    if (hex.isEmpty() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
      throw new MalformedBodyException("malformed chunk size");
    }
    int first = 0;
    while (first < hex.length() - 1 && hex.charAt(first) == '0') {
      first++;
    }
    return hex.length() - first > 15
        ? Long.MAX_VALUE
        : Long.parseLong(hex, first, hex.length(), 16);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed inside a chunked body");
      }
      if (b == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      if (sb.length() > 4096) {
        throw new MalformedBodyException("chunk line too long");
      }
      sb.append((char) b);
    }
  }
}
