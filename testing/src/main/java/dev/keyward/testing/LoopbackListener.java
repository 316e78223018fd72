package dev.keyward.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts loopback connections and serves each on a daemon thread of its own, so that a slow or
 * stalled connection holds only its own thread and never delays another. Every accepted socket has
 * TCP_NODELAY set (without it each keep-alive POST waits ~40 ms on Nagle plus delayed ACK).
 */
final class LoopbackListener implements AutoCloseable {
  /** Serves one accepted connection until it ends; the listener closes the socket afterwards. */
  @FunctionalInterface
  interface ConnectionHandler {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final ConnectionHandler handler;
  private final Semaphore slots;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger ids = new AtomicInteger();
  private final String name;
  private volatile boolean closed;

  LoopbackListener(String name, int port, int maxConnections, ConnectionHandler handler) {
    this(name, InetAddress.getLoopbackAddress(), port, maxConnections, handler);
  }

  /** Binds {@code address} instead of loopback (the standalone server's {@code --host}). */
  LoopbackListener(
      String name, InetAddress address, int port, int maxConnections, ConnectionHandler handler) {
    this.name = name;
    this.handler = handler;
    this.slots = new Semaphore(maxConnections);
    ServerSocket socket = null;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port), 512);
    } catch (IOException e) {
      if (socket != null) {
        closeQuietly(socket);
      }
      throw new UncheckedIOException("cannot bind " + address.getHostAddress() + ":" + port, e);
    }
    this.serverSocket = socket;
    Thread acceptor = new Thread(this::acceptLoop, name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The bound port. */
  int port() {
    return serverSocket.getLocalPort();
  }

  /** Connections open right now. */
  int openConnections() {
    return open.size();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        // Past the cap, connections wait in the backlog rather than being refused.
        slots.acquire();
        socket = serverSocket.accept();
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        slots.release();
        if (closed) {
          return;
        }
        continue;
      }
      open.add(socket);
      Thread t = new Thread(() -> serve(socket), name + "-conn-" + ids.incrementAndGet());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      handler.serve(socket);
    } catch (IOException | RuntimeException e) {
      // The peer went away or misbehaved; its connection ends here and no other is affected.
    } finally {
      closeQuietly(socket);
      open.remove(socket);
      slots.release();
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort.
    }
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort.
    }
  }

  /**
   * Ends a connection after an answer that said {@code Connection: close}: the answer's bytes go
   * out with a FIN, then at most {@code maxDiscard} unread request bytes are read and dropped for
   * at most one second, so that the close does not reset the connection before the client has read
   * the answer (a RST makes the peer's kernel discard it). Nothing read here is kept.
   */
  static void lingerThenClose(Socket socket, InputStream in, int maxDiscard) {
    try {
      socket.shutdownOutput();
      socket.setSoTimeout(250);
      long deadline = System.nanoTime() + 1_000_000_000L;
      byte[] sink = new byte[8192];
      long left = maxDiscard;
      while (left > 0 && System.nanoTime() < deadline) {
        int n = in.read(sink, 0, (int) Math.min(sink.length, left));
        if (n < 0) {
          break;
        }
        left -= n;
      }
    } catch (IOException e) {
      // The peer is gone or silent: close now.
    }
    closeQuietly(socket);
  }

  /** Aborts the socket with a TCP RST instead of an orderly FIN. */
  static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // Already closed: nothing left to reset.
    }
    closeQuietly(socket);
  }

  /** Stops accepting and closes every open connection. */
  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException e) {
      // Closing is best effort.
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
  }
}
