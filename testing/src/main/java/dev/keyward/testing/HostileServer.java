package dev.keyward.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real loopback HTTP/1.1 server that answers as a broken or malicious Unkey might: redirects to
 * other hosts, endless or dripping bodies, echoes of the request's secrets into the answer, absurd
 * headers, connections reset mid-body or stalled after the headers. Point your own client at {@link
 * #url()} to see that it fails safely, then assert on what the server {@linkplain #requests()
 * received}.
 *
 * <pre>{@code
 * try (HostileServer evil = HostileServer.start(); HostileServer other = HostileServer.start()) {
 *   evil.enqueue(HostileAnswer.redirect(307, other.url() + "/v2/keys.verifyKey"));
 *   // ... call evil.url() with your client ...
 *   assertThat(other.requestCount()).isZero(); // the root key did not follow the redirect
 * }
 * }</pre>
 *
 * <p>Answers are served in {@linkplain #enqueue order}; once the queue is empty every request gets
 * the {@linkplain #otherwise fallback} (by default a 200 with {@code {}}). Each connection has its
 * own thread and TCP_NODELAY set; only loopback is bound.
 */
public final class HostileServer implements AutoCloseable {
  /** Request body bytes kept per request; the rest is read and dropped. */
  public static final int MAX_RECORDED_BODY = 1024 * 1024;

  private final BlockingQueue<HostileAnswer> script = new LinkedBlockingQueue<>();
  private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
  private final AtomicLong bodyBytes = new AtomicLong();
  private final LoopbackListener listener;
  private volatile HostileAnswer fallback = HostileAnswer.json(200, "{}");

  private HostileServer() {
    this.listener = new LoopbackListener("hostile", 0, 256, this::serve);
  }

  /** Starts a server on an ephemeral loopback port. */
  public static HostileServer start() {
    return new HostileServer();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:51234}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The bound port. */
  public int port() {
    return listener.port();
  }

  /** Queues {@code answer} for the next request that has none yet. */
  public HostileServer enqueue(HostileAnswer answer) {
    script.add(Objects.requireNonNull(answer, "answer == null"));
    return this;
  }

  /** The answer for every request once the queue is empty. */
  public HostileServer otherwise(HostileAnswer answer) {
    this.fallback = Objects.requireNonNull(answer, "answer == null");
    return this;
  }

  /** Every request received so far, oldest first. */
  public List<ReceivedRequest> requests() {
    return List.copyOf(received);
  }

  /** How many requests arrived (complete heads; a body may still have been cut short). */
  public int requestCount() {
    return received.size();
  }

  /**
   * Response body bytes written so far, over every answer: a client that stops reading a {@link
   * HostileAnswer#huge huge} body keeps this far below the size the answer announced. A write the
   * client never reads blocks once the socket buffers are full, so this counts what the client took
   * plus at most those buffers (and one write of up to 64 KiB).
   */
  public long bodyBytesWritten() {
    return bodyBytes.get();
  }

  /** Stops the server and closes every open connection. */
  @Override
  public void close() {
    listener.close();
  }

  @Override
  public String toString() {
    return "HostileServer{" + url() + "}";
  }

  private void serve(Socket socket) throws IOException {
    socket.setSoTimeout(30_000);
    InputStream in = new BufferedInputStream(socket.getInputStream());
    OutputStream out = new BufferedOutputStream(socket.getOutputStream());
    while (true) {
      RequestHead head = RequestHead.read(in);
      if (head == null) {
        return;
      }
      long length = head.contentLength();
      BodyReader.Body body = BodyReader.read(in, length, MAX_RECORDED_BODY, false);
      ReceivedRequest request =
          new ReceivedRequest(head.method, head.target, head.headers(), body.kept(), body.size());
      received.add(request);
      HostileAnswer answer = script.poll();
      if (answer == null) {
        answer = fallback;
      }
      if (!HostileWriter.write(socket, out, answer, request, bodyBytes) || head.wantsClose()) {
        return;
      }
    }
  }
}
