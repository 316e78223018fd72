package dev.keyward.testing;

import dev.keyward.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Writes one {@link HostileAnswer} the way it asks: whole, dripping, reset or stalled. */
final class HostileWriter {
  private HostileWriter() {}

  /**
   * Writes {@code a} for {@code request}, adding each body write to {@code bodyBytes} once it
   * returned; false when the connection must end after it.
   */
  static boolean write(
      Socket socket,
      OutputStream out,
      HostileAnswer a,
      ReceivedRequest request,
      AtomicLong bodyBytes)
      throws IOException {
    byte[] prefix = a.prefix;
    long length = a.bodyLength;
    byte[] extraHeader = null;
    if (a.echo != null) {
      String value = a.echo.from(request);
      prefix = envelope(a.status, a.place, value).getBytes(StandardCharsets.UTF_8);
      length = prefix.length;
      if (a.place == HostileAnswer.Place.HEADER_REQUEST_ID) {
        String safe = value.replace('\r', ' ').replace('\n', ' ');
        extraHeader = ("X-Unkey-Request-Id: " + safe).getBytes(StandardCharsets.UTF_8);
      }
    }
    String statusLine = "HTTP/1.1 " + a.status + " " + ResponseWriter.reason(a.status) + "\r\n";
    out.write(statusLine.getBytes(StandardCharsets.ISO_8859_1));
    for (byte[] line : a.headerLines) {
      writeLine(out, line);
    }
    if (extraHeader != null) {
      writeLine(out, extraHeader);
    }
    if (a.contentLength) {
      writeLine(out, ("Content-Length: " + length).getBytes(StandardCharsets.ISO_8859_1));
    } else {
      writeLine(out, "Connection: close".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.write('\r');
    out.write('\n');
    out.flush();
    if (a.stall != null) {
      sleep(a.stall);
      return false;
    }
    long limit = a.resetAfter >= 0 ? Math.min(a.resetAfter, length) : length;
    int step = a.dripBytes > 0 ? a.dripBytes : 64 * 1024;
    byte[] buf = new byte[step];
    for (long sent = 0; sent < limit; ) {
      int n = (int) Math.min(step, limit - sent);
      fill(buf, n, sent, prefix, a.filler);
      out.write(buf, 0, n);
      sent += n;
      bodyBytes.addAndGet(n);
      if (a.dripBytes > 0) {
        out.flush();
        if (sent < limit) {
          sleep(a.dripInterval);
        }
      }
    }
    out.flush();
    if (a.resetAfter >= 0) {
      LoopbackListener.reset(socket);
      return false;
    }
    return a.contentLength;
  }

  /**
   * Puts body bytes [offset, offset + n) into {@code buf}: the prefix, then the filler repeated.
   */
  private static void fill(byte[] buf, int n, long offset, byte[] prefix, byte[] filler) {
    for (int i = 0; i < n; i++) {
      long at = offset + i;
      buf[i] =
          at < prefix.length
              ? prefix[(int) at]
              : filler[(int) ((at - prefix.length) % filler.length)];
    }
  }

  private static void writeLine(OutputStream out, byte[] line) throws IOException {
    out.write(line);
    out.write('\r');
    out.write('\n');
  }

  private static String envelope(int status, HostileAnswer.Place place, String value) {
    String requestId = place == HostileAnswer.Place.META_REQUEST_ID ? value : "req_hostile";
    String type =
        place == HostileAnswer.Place.ERROR_TYPE
            ? value
            : "https://unkey.com/docs/errors/unkey/application/invalid_input";
    String detail = place == HostileAnswer.Place.ERROR_DETAIL ? value : "Hostile answer.";
    return "{\"meta\":{\"requestId\":"
        + quote(requestId)
        + "},\"error\":{\"title\":\"Bad Request\",\"detail\":"
        + quote(detail)
        + ",\"status\":"
        + status
        + ",\"type\":"
        + quote(type)
        + "}}";
  }

  /** A JSON string literal of {@code s}. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static void sleep(Duration d) {
    try {
      Sleeper.SYSTEM.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
