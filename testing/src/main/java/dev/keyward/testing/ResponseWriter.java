package dev.keyward.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes HTTP/1.1 answers: status line, headers, a Content-Length body. */
final class ResponseWriter {
  private ResponseWriter() {}

  /** The reason phrase of {@code status}, or "Status" for one this fake never sends. */
  static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 301:
        return "Moved Permanently";
      case 302:
        return "Found";
      case 303:
        return "See Other";
      case 307:
        return "Temporary Redirect";
      case 308:
        return "Permanent Redirect";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 410:
        return "Gone";
      case 412:
        return "Precondition Failed";
      case 413:
        return "Content Too Large";
      case 429:
        return "Too Many Requests";
      case 431:
        return "Request Header Fields Too Large";
      case 500:
        return "Internal Server Error";
      case 501:
        return "Not Implemented";
      case 503:
        return "Service Unavailable";
      case 505:
        return "HTTP Version Not Supported";
      default:
        return "Status";
    }
  }

  /**
   * Answers a request whose head or body framing is broken as an HTTP server would, before any
   * routing: a plain-text status with a fixed message (never a value from the request), and {@code
   * Connection: close}.
   */
  static void refuseFraming(OutputStream out, int status, String message) throws IOException {
    byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
    write(out, status, Map.of(), text, text.length, true, 0);
  }

  /**
   * Writes an answer with {@code body.length} as its Content-Length, of which only {@code
   * bodyBytes} are sent (fewer for a truncation fault). A closing answer says {@code Connection:
   * close}; a kept-alive one advertises {@code keepAliveSeconds}, so that a client's pool retires
   * the connection before the server's idle timeout can race its reuse.
   */
  static void write(
      OutputStream out,
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      int bodyBytes,
      boolean close,
      long keepAliveSeconds)
      throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    headers.forEach(
        (name, values) -> {
          for (String v : values) {
            head.append(name).append(": ").append(v).append("\r\n");
          }
        });
    head.append("Content-Length: ").append(body.length).append("\r\n");
    if (close) {
      head.append("Connection: close\r\n");
    } else {
      head.append("Keep-Alive: timeout=").append(keepAliveSeconds).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body, 0, bodyBytes);
    out.flush();
  }
}
