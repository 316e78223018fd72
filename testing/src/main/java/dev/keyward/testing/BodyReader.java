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
        // Trailers, up to the blank line that ends the body.
        while (!readLine(in).isEmpty()) {
          // Dropped: the fake needs no trailer.
        }
        return new Body(kept.toByteArray(), total);
      }
      if (refuseOverCap && total + size > cap) {
        throw new TooLargeException();
      }
      copy(in, size, kept, cap);
      total += size;
      if (!readLine(in).isEmpty()) {
        throw new IOException("chunk not followed by CRLF");
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

  private static long chunkSize(String line) throws IOException {
    int semi = line.indexOf(';');
    String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
    try {
      long size = Long.parseLong(hex, 16);
      if (size < 0) {
        throw new NumberFormatException();
      }
      return size;
    } catch (NumberFormatException e) {
      throw new IOException("malformed chunk size", e);
    }
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
        throw new IOException("chunk line too long");
      }
      sb.append((char) b);
    }
  }
}
