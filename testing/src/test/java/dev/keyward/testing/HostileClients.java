package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.keyward.AsyncUnkey;
import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The client side of the hostile-server tests: realistic keys; {@link UnkeyHttpClient}s on
 * keyward's default HTTP logging (captured at TRACE) whose OkHttp threads are watched, so that an
 * exception reaching the default uncaught-exception handler fails the test; and calls made blocking
 * or async that hand back what they threw. One per test: {@link #close()} checks the threads.
 */
final class HostileClients implements AutoCloseable {
  /** An Unkey root key. */
  static final Secret ROOT = Secret.of("unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXx");

  /** A prefixed API key whose prefix the default Redactor does not know. */
  static final Secret API = Secret.of("sk_live_9hTq4LmZx2VbN7cRw3KpYs8D");

  /** A shapeless token: 32 random bytes in base64url (43 characters), a {@code _} inside. */
  static final Secret SHAPELESS = Secret.of("rT6thaSG8QqpSuli8HTud89eq_3nByLAqLjtG1dY-fE");

  /** How much of each key a mask may show: Unkey's {@code start}, or 4 characters. */
  private static final Map<Secret, Integer> VISIBLE = Map.of(ROOT, 10, API, 12, SHAPELESS, 4);

  /** How a test calls the client. */
  enum Mode {
    SYNC,
    ASYNC
  }

  /** A root key and an API key to send; both must stay out of every text. */
  static final class KeyPair {
    private final Secret root;
    private final Secret api;

    KeyPair(Secret root, Secret api) {
      this.root = root;
      this.api = api;
    }

    Secret root() {
      return root;
    }

    Secret api() {
      return api;
    }

    @Override
    public String toString() {
      return "root " + root + ", api " + api;
    }
  }

  /** One operation of the port, callable blocking or async. */
  record ClientCall<T>(Function<Unkey, T> sync, Function<AsyncUnkey, CompletableFuture<T>> async) {
    static ClientCall<Verification> verify(Secret key) {
      return new ClientCall<>(
          u -> u.keys().verify(VerifyKeyRequest.of(key)),
          a -> a.keys().verify(VerifyKeyRequest.of(key)));
    }

    /** keys.whoami: SAFE (retried after a 5xx), and it carries the API key in its body. */
    static ClientCall<KeyInfo> whoami(Secret key) {
      return new ClientCall<>(u -> u.keys().whoami(key), a -> a.keys().whoami(key));
    }

    /** keys.createKey: neither idempotent nor replayable. */
    static ClientCall<CreatedKey> create() {
      CreateKeyRequest request = CreateKeyRequest.builder("api_1234567890ab").build();
      return new ClientCall<>(u -> u.keys().create(request), a -> a.keys().create(request));
    }
  }

  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final Thread.UncaughtExceptionHandler previous;
  private final ThreadPoolExecutor executor;
  private final OkHttpClient okHttp;
  private final CapturedLogs logs = new CapturedLogs();

  HostileClients() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "hostile-okhttp");
              t.setDaemon(true);
              threads.add(t);
              return t;
            });
    okHttp = new OkHttpClient.Builder().dispatcher(new Dispatcher(executor)).build();
  }

  /** Every key pair shape: root and API key prefixed, or one of them shapeless. */
  static Stream<KeyPair> keyPairs() {
    return Stream.of(
        new KeyPair(ROOT, API), new KeyPair(SHAPELESS, API), new KeyPair(ROOT, SHAPELESS));
  }

  /** {@link #keyPairs()} × {@link Mode}. */
  static Stream<Arguments> keyPairsAndModes() {
    return keyPairs().flatMap(k -> Stream.of(Mode.values()).map(m -> Arguments.of(k, m)));
  }

  /** A client of {@code server} acting with {@code root}: no retries, 2 s read, 10 s call. */
  UnkeyHttpClient client(HostileServer server, Secret root) {
    return client(server, root, b -> b);
  }

  /** As {@link #client(HostileServer, Secret)}, with {@code more} applied to the builder last. */
  UnkeyHttpClient client(
      HostileServer server, Secret root, UnaryOperator<UnkeyHttpClient.Builder> more) {
    return more.apply(
            UnkeyHttpClient.builder()
                .baseUrl(server.url())
                .rootKey(root)
                .okHttpClient(okHttp)
                .retryPolicy(RetryPolicy.none())
                .sleeper(d -> {})
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(10)))
        .build();
  }

  /** A retry policy of {@code attempts} attempts, 429 included, within a generous budget. */
  static RetryPolicy retrying(int attempts) {
    return RetryPolicy.builder()
        .maxAttempts(attempts)
        .retryRateLimited(true)
        .budget(Duration.ofSeconds(30))
        .build();
  }

  /** Runs {@code call}; an async call's failure is rethrown as its cause. */
  static <T> T run(Mode mode, UnkeyHttpClient client, ClientCall<T> call) {
    if (mode == Mode.SYNC) {
      return call.sync().apply(client);
    }
    CompletableFuture<T> future = call.async().apply(client.async());
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(future.isCancelled()).as("the future was cancelled").isFalse();
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError("the future failed with a checked exception or an Error", e);
    } catch (CancellationException e) {
      throw new AssertionError("the future was cancelled instead of failing", e);
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the future did not complete", e);
    }
  }

  /**
   * What {@code call} threw (an async call: the cause its future failed with, never a
   * cancellation); fails unless it is an {@link UnkeyException}, never an Error or a raw runtime
   * exception.
   */
  static UnkeyException thrown(Mode mode, UnkeyHttpClient client, ClientCall<?> call) {
    try {
      Object value = run(mode, client, call);
      return fail("expected an UnkeyException, got a value: " + value);
    } catch (UnkeyException e) {
      return e;
    } catch (RuntimeException e) {
      throw new AssertionError("a raw runtime exception instead of an UnkeyException", e);
    }
  }

  /** Message, toString, the full stack trace, and every server text the exception kept. */
  static String text(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    StringBuilder b = new StringBuilder().append(t.getMessage()).append('\n').append(t);
    b.append('\n').append(w);
    if (t instanceof UnkeyException u) {
      b.append(u.requestId()).append('\n').append(u.type()).append('\n').append(u.title());
      b.append('\n').append(u.detail()).append('\n').append(u.problem());
      u.errors().forEach(e -> b.append('\n').append(e));
    }
    return b.toString();
  }

  /**
   * Fails if {@code text} holds any of {@code keys}, or any 8 characters of one past what a mask
   * may show; also ignoring case, as a host name would hold a key.
   */
  static void assertNoKey(String text, Secret... keys) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Secret key : keys) {
      String v = key.reveal();
      assertThat(lower).doesNotContain(v.toLowerCase(Locale.ROOT));
      for (int i = VISIBLE.get(key); i + 8 <= v.length(); i++) {
        assertThat(text)
            .as("a piece of a key at offset %s", i)
            .doesNotContain(v.substring(i, i + 8));
      }
    }
  }

  /** Everything keyward logged so far (TRACE included); fails if its HTTP log wrote nothing. */
  String logs() {
    return logs.text();
  }

  /**
   * Stops the OkHttp threads and waits until each has died, so that an exception thrown on one has
   * reached the default uncaught-exception handler; then restores it and fails if it saw any.
   */
  @Override
  public void close() throws InterruptedException {
    try {
      okHttp.dispatcher().cancelAll();
      executor.shutdown();
      assertThat(executor.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
      for (Thread t : threads) {
        t.join(20_000);
      }
      okHttp.connectionPool().evictAll();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
      logs.close();
    }
    assertThat(uncaught).as("exceptions on OkHttp's threads").isEmpty();
  }
}
