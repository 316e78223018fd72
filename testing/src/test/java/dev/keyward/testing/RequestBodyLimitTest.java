package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link FakeUnkeyServer} checks the Authorization header before it reads a body, and caps bodies:
 * neither an unauthenticated nor an oversized upload is read into memory.
 */
class RequestBodyLimitTest {
  private static final long FIFTY_MB = 50L * 1024 * 1024;

  /** An upload on its own connection: the answer it got, and the body bytes it managed to send. */
  record Upload(RawHttp.Answer answer, long bytesSent) {}

  @Test
  void unauthenticatedUploadIsRefusedWithoutReadingIt() throws Exception {
    try (FakeUnkeyServer server = FakeUnkeyServer.start()) {
      long start = System.nanoTime();
      Upload missing = upload(server, null, false);
      Upload unknown = upload(server, "Bearer unkey_not_a_root_key_of_this_workspace", false);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(missing.answer().status()).isEqualTo(400);
      assertThat(missing.answer().text()).contains("unkey/authentication/missing");
      assertThat(unknown.answer().status()).isEqualTo(401);
      assertThat(missing.answer().header("Connection")).isEqualTo("close");
      // The server read at most its cap (1 MiB) to linger; the kernel's buffers hold a few MiB
      // more.
      assertThat(missing.bytesSent()).isLessThan(FIFTY_MB / 4);
      assertThat(unknown.bytesSent()).isLessThan(FIFTY_MB / 4);
      assertThat(millis).isLessThan(5_000);
    }
  }

  @Test
  void authenticatedBodyOverTheCapIs413InUnkeysEnvelope() throws Exception {
    try (FakeUnkeyServer server = FakeUnkeyServer.start();
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(5_000);
      // Content-Length 2 MiB against the default cap of 1 MiB; no body byte is sent at all.
      RawHttp.send(
          s,
          "POST /v2/keys.verifyKey HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
              + server.bootstrapKey().reveal()
              + "\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n");

      RawHttp.Answer a = RawHttp.readAnswer(s);

      assertThat(a.status()).isEqualTo(413);
      assertThat(a.header("Connection")).isEqualTo("close");
      assertThat(a.text())
          .contains(
              "\"type\":\"https://unkey.com/docs/errors/user/bad_request/request_body_too_large\"")
          .contains("\"status\":413")
          .contains("\"requestId\":\"");
    }
  }

  @Test
  void concurrentOversizeChunkedBodiesAreCutAtTheCap() throws Exception {
    int cap = 64 * 1024;
    try (FakeUnkeyServer server =
        FakeUnkeyServer.builder(InMemoryUnkey.builder().build()).maxRequestBodyBytes(cap).start()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Upload>> uploads = new ArrayList<>();
        String auth = "Bearer " + server.bootstrapKey().reveal();
        for (int i = 0; i < 8; i++) {
          uploads.add(pool.submit(() -> upload(server, auth, true)));
        }
        for (Future<Upload> f : uploads) {
          Upload u = f.get(20, TimeUnit.SECONDS);
          assertThat(u.answer().status()).isEqualTo(413);
          // 50 MB offered; the server stopped reading after the cap, so the sender was cut off.
          assertThat(u.bytesSent()).isLessThan(FIFTY_MB / 4);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void bodyWithinTheCapIsServedAndTheConnectionKeptAlive() throws Exception {
    try (FakeUnkeyServer server = FakeUnkeyServer.start();
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(5_000);
      String body = "{\"key\":\"unkey_nope\"}";
      for (int i = 0; i < 2; i++) {
        RawHttp.send(
            s,
            "POST /v2/keys.verifyKey HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + server.bootstrapKey().reveal()
                + "\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body);
        RawHttp.Answer a = RawHttp.readAnswer(s);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Connection")).isNull();
      }
    }
  }

  /**
   * Offers a 50 MB body (Content-Length or chunked) while reading the answer on another thread;
   * stops sending once the answer came and the server closed.
   */
  private static Upload upload(FakeUnkeyServer server, String auth, boolean chunked)
      throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      AtomicLong sent = new AtomicLong();
      Thread writer =
          new Thread(
              () -> {
                try {
                  OutputStream out = s.getOutputStream();
                  String head =
                      "POST /v2/keys.verifyKey HTTP/1.1\r\nHost: x\r\n"
                          + (auth == null ? "" : "Authorization: " + auth + "\r\n")
                          + (chunked
                              ? "Transfer-Encoding: chunked\r\n"
                              : "Content-Length: " + FIFTY_MB + "\r\n")
                          + "\r\n";
                  out.write(head.getBytes(StandardCharsets.US_ASCII));
                  byte[] chunk = new byte[64 * 1024];
                  byte[] size =
                      (Integer.toHexString(chunk.length) + "\r\n")
                          .getBytes(StandardCharsets.US_ASCII);
                  for (long n = 0; n < FIFTY_MB; n += chunk.length) {
                    if (chunked) {
                      out.write(size);
                    }
                    out.write(chunk);
                    if (chunked) {
                      out.write('\r');
                      out.write('\n');
                    }
                    sent.addAndGet(chunk.length);
                  }
                } catch (IOException e) {
                  // The server closed the connection: the upload was cut off, as it should be.
                }
              });
      writer.start();
      RawHttp.Answer answer = RawHttp.readAnswer(s);
      writer.join(10_000);
      return new Upload(answer, sent.get());
    }
  }
}
