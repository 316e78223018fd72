package dev.keyward.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server whose every connection reads one request (head and Content-Length body)
 * and writes whatever bytes the test's answer returns for it, then closes: the answer sees the
 * request's head, so that it can echo the root key into any part of the wire format.
 */
final class EchoSocketServer implements AutoCloseable {
  /** The raw bytes to answer a request with, given its head. */
  interface Answer {
    byte[] bytes(String head) throws IOException;
  }

  private final ServerSocket socket;
  final AtomicInteger requests = new AtomicInteger();

  EchoSocketServer(Answer answer) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> acceptLoop(answer), "echo-socket-server");
    t.setDaemon(true);
    t.start();
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  private void acceptLoop(Answer answer) {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        s.setTcpNoDelay(true);
        InputStream in = s.getInputStream();
        String head = readHead(in);
        requests.incrementAndGet();
        int length = contentLength(head);
        in.readNBytes(length);
        OutputStream out = s.getOutputStream();
        out.write(answer.bytes(head));
        out.flush();
        s.shutdownOutput();
        // Lets the client read the answer before the socket closes.
        s.setSoTimeout(2000);
        in.read();
      } catch (IOException e) {
        // the client went away, or the server was closed
      }
    }
  }

  /** The bearer token of {@code head}. */
  static String bearer(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Authorization: Bearer ", 0, 22)) {
        return line.substring(22).strip();
      }
    }
    return "";
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        return Integer.parseInt(line.substring(15).strip());
      }
    }
    return 0;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("closed inside the head");
      }
      b.write(c);
      matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
