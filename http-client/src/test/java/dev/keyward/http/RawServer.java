package dev.keyward.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-connection HTTP server on loopback whose answer a test writes byte by byte: headers, then a
 * body that streams lazily or stalls. Counts the body bytes it managed to write.
 */
final class RawServer implements AutoCloseable {
  /** Writes the answer to {@code out}, adding each body byte written to {@code written}. */
  interface Answer {
    void write(OutputStream out, AtomicLong written) throws Exception;
  }

  private final ServerSocket socket;
  private final Thread thread;
  final AtomicLong written = new AtomicLong();

  RawServer(Answer answer) throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread =
        new Thread(
            () -> {
              try (Socket s = socket.accept()) {
                s.setTcpNoDelay(true);
                readRequestHead(s.getInputStream());
                answer.write(s.getOutputStream(), written);
              } catch (Exception stoppedByTheClient) {
                // the client closed the connection: what the tests expect
              }
            },
            "raw-server");
    thread.setDaemon(true);
    thread.start();
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  /** Waits for the answer to end; false if it is still being written after {@code seconds}. */
  boolean awaitEnd(long seconds) throws InterruptedException {
    thread.join(TimeUnit.SECONDS.toMillis(seconds));
    return !thread.isAlive();
  }

  static void writeAscii(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    thread.interrupt();
  }
}
