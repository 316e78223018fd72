package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 10,000 requests through a keep-alive forwarding proxy that pools its upstream connections, as
 * Prism's proxy and Node's agent do: the proxy reuses a pooled connection without retrying, so a
 * connection that {@link FakeUnkeyServer} closed without saying {@code Connection: close} shows up
 * as a failure ("socket hang up").
 */
class KeepAliveProxyTest {
  private static final int CLIENTS = 8;
  private static final int PER_CLIENT = 1_250;

  private final ConcurrentLinkedDeque<Socket> pool = new ConcurrentLinkedDeque<>();
  private final AtomicInteger hangUps = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();

  @Test
  void tenThousandRequestsThroughAKeepAliveProxyAllSucceed() throws Exception {
    try (FakeUnkeyServer server = FakeUnkeyServer.start()) {
      String key = server.bootstrapKey().reveal();
      List<String> requests =
          List.of(
              post("/v2/keys.verifyKey", "Bearer " + key, "{\"key\":\"unkey_nope\"}"),
              post("/v2/keys.verifyKey", "Bearer unkey_unknown_root_key", "{\"key\":\"x\"}"),
              post("/v2/keys.verifyKey", null, "{\"key\":\"x\"}"),
              post("/v2/keys.verifyKey", "Bearer " + key, "{\"nope\":"),
              post("/v2/no.suchRoute", "Bearer " + key, "{}"),
              "GET /v2/liveness HTTP/1.1\r\nHost: fake\r\n\r\n");
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Thread t =
            new Thread(
                () -> {
                  for (int i = 0; i < PER_CLIENT; i++) {
                    String r = requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
                    try {
                      int status = forward(server.port(), r);
                      if (status == 502) {
                        failed.incrementAndGet();
                      } else {
                        answered.incrementAndGet();
                      }
                      if (ThreadLocalRandom.current().nextInt(200) == 0) {
                        Thread.sleep(20); // an idle gap, as between a proxy's bursts
                      }
                    } catch (IOException | InterruptedException e) {
                      failed.incrementAndGet();
                    }
                  }
                });
        clients.add(t);
        t.start();
      }
      for (Thread t : clients) {
        t.join(60_000);
      }

      assertThat(failed.get()).isZero();
      assertThat(hangUps.get()).isZero();
      assertThat(answered.get()).isEqualTo(CLIENTS * PER_CLIENT);
      assertThat(reused.get()).isGreaterThan(CLIENTS * PER_CLIENT / 2);
    } finally {
      for (Socket s : pool) {
        s.close();
      }
    }
  }

  private static String post(String path, String auth, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: fake\r\nContent-Type: application/json\r\n"
        + (auth == null ? "" : "Authorization: " + auth + "\r\n")
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  /**
   * The proxy's upstream half: sends {@code request} on a pooled connection (newest first) or a new
   * one, reads the answer, and pools the connection again unless the answer said close. A failure
   * on a reused connection is a hang-up, answered 502, never retried.
   */
  private int forward(int port, String request) throws IOException {
    Socket s = pool.pollFirst();
    boolean reuse = s != null;
    if (s == null) {
      s = new Socket(InetAddress.getLoopbackAddress(), port);
      s.setTcpNoDelay(true);
      s.setSoTimeout(5_000);
    } else {
      reused.incrementAndGet();
    }
    RawHttp.Answer a;
    try {
      RawHttp.send(s, request);
      a = RawHttp.readAnswer(s);
    } catch (IOException e) {
      s.close();
      if (reuse) {
        hangUps.incrementAndGet();
        return 502;
      }
      throw e;
    }
    if ("close".equalsIgnoreCase(a.header("Connection"))) {
      s.close();
    } else {
      pool.addFirst(s);
    }
    return a.status();
  }
}
