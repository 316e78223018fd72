package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.testing.TestClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubKeySourceTest {
  final MockWebServer server = new MockWebServer();
  final TestClock clock = TestClock.create();
  final AtomicInteger fetches = new AtomicInteger();
  final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
  volatile Supplier<MockResponse> answer = () -> ok(GitHubSample.keysJson());
  GitHubKeySource source;

  static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  @BeforeEach
  void start() throws IOException {
    server.setServerSocketFactory(new NoDelay()); // MockWebServer leaves Nagle on
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            fetches.incrementAndGet();
            requests.add(request);
            return answer.get();
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
    source =
        GitHubKeySource.builder()
            .url(server.url("/meta/public_keys/secret_scanning").toString())
            .clock(clock)
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fetchesOnceAndCachesForAnHour() {
    assertThat(source.find(GitHubSample.KEY_ID)).isPresent();
    assertThat(source.find(GitHubSample.OLD_KEY_ID)).isPresent();
    clock.advance(Duration.ofMinutes(59));
    assertThat(source.find(GitHubSample.KEY_ID)).isPresent();
    assertThat(fetches).hasValue(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(source.find(GitHubSample.KEY_ID)).isPresent();
    assertThat(fetches).hasValue(2);
    assertThat(requests.peek().getUrl().encodedPath())
        .isEqualTo("/meta/public_keys/secret_scanning");
    assertThat(requests.peek().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void verifiesGitHubsSampleThroughTheSource() {
    GitHubSignatureVerifier verifier = new GitHubSignatureVerifier(source);
    assertThat(
            verifier.verify(
                GitHubSample.body(), GitHubSample.keyIdentifier(), GitHubSample.signature()))
        .isTrue();
  }

  @Test
  void anUnknownIdentifierRefetchesAtMostOncePerMinute() {
    assertThat(source.find(GitHubSample.KEY_ID)).isPresent();
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 1_000; i++) {
      assertThat(source.find("random-" + i)).isEmpty();
    }
    assertThat(fetches).hasValue(2);
    clock.advance(Duration.ofSeconds(59));
    assertThat(source.find("random-x")).isEmpty();
    assertThat(fetches).hasValue(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(source.find("random-y")).isEmpty();
    assertThat(fetches).hasValue(3);
  }

  @Test
  void aRotatedKeyIsFoundByTheRefetch() {
    answer = () -> ok("{\"public_keys\":[]}"); // empty document: a failure, nothing kept
    assertThat(source.find(GitHubSample.KEY_ID)).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    answer = () -> ok(GitHubSample.keysJson());
    assertThat(source.find(GitHubSample.KEY_ID)).isPresent();
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aFailedFetchKeepsTheLastGoodSet() {
    assertThat(source.find(GitHubSample.KEY_ID)).isPresent();
    List<Supplier<MockResponse>> failures =
        List.of(
            () -> new MockResponse.Builder().code(500).body("oops").build(),
            () -> new MockResponse.Builder().code(403).body("{\"message\":\"rate limit\"}").build(),
            () -> ok("{\"public_keys\":[{\"key_identifier\":\"x\",\"key\":\"not pem\"}]}"),
            () -> ok("not json"),
            () -> ok("x".repeat(2 << 20)));
    for (Supplier<MockResponse> failure : failures) {
      answer = failure;
      clock.advance(Duration.ofHours(1));
      assertThat(source.find(GitHubSample.KEY_ID)).isPresent();
    }
    assertThat(fetches).hasValue(1 + failures.size());
    assertThat(source.current().size()).isEqualTo(2);
  }

  @Test
  void aTokenIsSentWhenGiven() throws Exception {
    GitHubKeySource withToken =
        GitHubKeySource.builder()
            .url(server.url("/keys").toString())
            .clock(clock)
            .token(Secret.of("ghp_TestTokenForRateLimits"))
            .build();
    withToken.find(GitHubSample.KEY_ID);
    assertThat(requests.peek().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ghp_TestTokenForRateLimits");
    assertThat(withToken.toString()).doesNotContain("ghp_");
  }

  @Test
  void concurrentRefreshesShareOneFetch() throws Exception {
    int threads = 8;
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> callers = new ArrayList<>();
    answer =
        () -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ok(GitHubSample.keysJson());
        };
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r);
              synchronized (callers) {
                callers.add(t);
              }
              return t;
            });
    try {
      List<Future<Optional<PublicKey>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> source.find(GitHubSample.KEY_ID)));
      }
      // Overlap, proven: the fetch is held open until the 7 other callers are parked waiting.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      // (the one fetch reaches the server on its own thread, so wait for it too)
      while ((parked(callers) < threads - 1 || fetches.get() < 1) && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(parked(callers)).isEqualTo(threads - 1);
      assertThat(fetches).hasValue(1);
      release.countDown();
      for (Future<Optional<PublicKey>> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isPresent();
      }
      assertThat(fetches).hasValue(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  private static int parked(List<Thread> callers) {
    synchronized (callers) {
      int n = 0;
      for (Thread t : callers) {
        if (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING) {
          StackTraceElement[] stack = t.getStackTrace();
          for (StackTraceElement e : stack) {
            if (e.getClassName().equals(GitHubKeySource.class.getName())) {
              n++;
              break;
            }
          }
        }
      }
      return n;
    }
  }

  /** Accepted sockets get TCP_NODELAY. */
  static final class NoDelay extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket s = super.accept();
          s.setTcpNoDelay(true);
          return s;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException();
    }
  }
}
