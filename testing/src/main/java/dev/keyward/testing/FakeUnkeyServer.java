package dev.keyward.testing;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.key.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An {@link InMemoryUnkey} behind a loopback HTTP server that speaks Unkey's v2 wire format
 * exactly, errors included, with fault injection and a workspace rate limit. Point {@code
 * UnkeyHttpClient} at {@link #url()} with {@link #bootstrapKey()}.
 *
 * <pre>{@code
 * try (FakeUnkeyServer server = FakeUnkeyServer.start(InMemoryUnkey.builder().build())) {
 *   UnkeyHttpClient client = UnkeyHttpClient.builder().baseUrl(server.url()).rootKey(server.bootstrapKey()).build();
 * }
 * }</pre>
 *
 * <p>An embedded server never prints or logs its bootstrap key; only {@link #main} prints it, once.
 */
public final class FakeUnkeyServer implements AutoCloseable {
  /** Cached root-key views before the cache starts over; a fake sees few root keys. */
  private static final int MAX_VIEWS = 1024;

  static {
    // At the JDK's defaults every keep-alive POST stalls ~44 ms (Nagle plus delayed ACK).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /**
   * Sees every request and answer that crossed the server, e.g. to validate them against a spec.
   */
  @FunctionalInterface
  public interface ExchangeListener {
    /** Called after the answer was sent (or the fault happened). */
    void onExchange(RecordedExchange exchange);
  }

  private final InMemoryUnkey unkey;
  private final HttpServer server;
  private final ExecutorService executor;
  final List<ActiveFault> faults = new CopyOnWriteArrayList<>();
  final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
  final WorkspaceRateLimit rateLimit = new WorkspaceRateLimit();

  /**
   * Views by root key hash; a view holds no state of its own, so a revoked key's view still answers
   * 401.
   */
  private final ConcurrentHashMap<String, InMemoryUnkey> views = new ConcurrentHashMap<>();

  private volatile boolean closed;

  private FakeUnkeyServer(InMemoryUnkey unkey, int port, int threads) {
    this.unkey = unkey;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fake-unkey-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
    }
    server.setExecutor(executor);
    server.createContext("/", new ExchangeHandler(this));
    server.start();
  }

  /** Starts a server for {@code unkey} on an ephemeral loopback port. */
  public static FakeUnkeyServer start(InMemoryUnkey unkey) {
    return builder(unkey).start();
  }

  /** Starts a server for a new workspace on an ephemeral loopback port. */
  public static FakeUnkeyServer start() {
    return start(InMemoryUnkey.builder().build());
  }

  /** Starts configuring a server for {@code unkey}. */
  public static Builder builder(InMemoryUnkey unkey) {
    return new Builder(unkey);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:51234}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The workspace's bootstrap root key, which holds every permission. A local test credential. */
  public Secret bootstrapKey() {
    return unkey.bootstrapKey();
  }

  /** The workspace behind the server (its bootstrap view). */
  public InMemoryUnkey unkey() {
    return unkey;
  }

  /**
   * Injects {@code fault} into matching requests until {@link #clearFaults()} (or its count runs
   * out).
   */
  public FakeUnkeyServer inject(Fault fault) {
    faults.add(new ActiveFault(Objects.requireNonNull(fault, "fault == null")));
    return this;
  }

  /** Removes every injected fault. */
  public FakeUnkeyServer clearFaults() {
    faults.clear();
    return this;
  }

  /**
   * Limits authenticated requests to {@code limit} per {@code window} for the workspace, as Unkey's
   * quota does: excess requests get 429 with {@code RateLimit-*} and {@code Retry-After} headers.
   */
  public FakeUnkeyServer workspaceRateLimit(long limit, Duration window) {
    rateLimit.set(limit, window);
    return this;
  }

  /** Removes the workspace rate limit. */
  public FakeUnkeyServer clearWorkspaceRateLimit() {
    rateLimit.clear();
    return this;
  }

  /** Adds a listener that sees every exchange. */
  public FakeUnkeyServer addListener(ExchangeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener == null"));
    return this;
  }

  /** Stops the server and frees its port. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FakeUnkeyServer{" + url() + "}";
  }

  /**
   * Runs a standalone server: {@code --port N} (default: ephemeral) and {@code --root-key K}
   * (default: random). Prints the URL and the bootstrap key once, labelled as a local test
   * credential.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = 0;
    String rootKey = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--root-key") && i + 1 < args.length) {
        rootKey = args[++i];
      } else {
        System.err.println("usage: FakeUnkeyServer [--port N] [--root-key KEY]");
        System.exit(2);
      }
    }
    InMemoryUnkey.Builder b = InMemoryUnkey.builder();
    if (rootKey != null) {
      b.bootstrapKey(Secret.of(rootKey));
    }
    FakeUnkeyServer server = builder(b.build()).port(port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("FakeUnkeyServer listening on " + server.url());
    System.out.println(
        "UNKEY_ROOT_KEY="
            + server.bootstrapKey().reveal()
            + "  (local test credential for this fake server only)");
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** A fault with its remaining count. */
  static final class ActiveFault {
    final Fault fault;
    final AtomicInteger left;

    ActiveFault(Fault fault) {
      this.fault = fault;
      this.left = new AtomicInteger(fault.times());
    }

    /** Claims one use of the fault, if any is left. */
    boolean claim() {
      if (fault.times() < 0) {
        return true;
      }
      int n;
      do {
        n = left.get();
        if (n <= 0) {
          return false;
        }
      } while (!left.compareAndSet(n, n - 1));
      return true;
    }
  }

  /** Configures a {@link FakeUnkeyServer}. */
  public static final class Builder {
    private final InMemoryUnkey unkey;
    private int port;
    private int threads = 8;
    private @Nullable ExchangeListener listener;

    Builder(InMemoryUnkey unkey) {
      this.unkey = Objects.requireNonNull(unkey, "unkey == null");
    }

    /** A fixed port (0, the default, picks an ephemeral one). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535");
      }
      this.port = port;
      return this;
    }

    /** Handler threads, at least 4 (default 8). */
    public Builder threads(int threads) {
      if (threads < 4) {
        throw new IllegalArgumentException("threads must be >= 4");
      }
      this.threads = threads;
      return this;
    }

    /** A listener installed before the first request. */
    public Builder listener(ExchangeListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** Binds 127.0.0.1 and starts serving. */
    public FakeUnkeyServer start() {
      FakeUnkeyServer s = new FakeUnkeyServer(unkey, port, threads);
      if (listener != null) {
        s.listeners.add(listener);
      }
      return s;
    }
  }

  /** A view that authenticates as a known root key, kept so that a request does not build one. */
  InMemoryUnkey viewFor(Secret rootKey) {
    String hash = rootKey.hash();
    InMemoryUnkey view = views.get(hash);
    if (view == null) {
      if (views.size() >= MAX_VIEWS) {
        views.clear();
      }
      view = unkey.as(rootKey);
      views.put(hash, view);
    }
    return view;
  }
}
