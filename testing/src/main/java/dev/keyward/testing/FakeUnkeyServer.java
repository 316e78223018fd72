package dev.keyward.testing;

import dev.keyward.key.Secret;
import dev.keyward.permission.Recording;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <p>Each connection is served on a thread of its own, so slow or stalled clients never hold up
 * others; every read inside a request has a deadline ({@link Builder#readTimeout}). The
 * Authorization header is checked before any body byte is read, and bodies are capped ({@link
 * Builder#maxRequestBodyBytes}). A connection is closed only after an answer that says {@code
 * Connection: close}, or after idling past {@link Builder#idleTimeout} (advertised in {@code
 * Keep-Alive: timeout=N}).
 *
 * <p>An embedded server never prints or logs its bootstrap key; only {@link #main} prints it, once.
 */
public final class FakeUnkeyServer implements AutoCloseable {
  /** Cached root-key views before the cache starts over; a fake sees few root keys. */
  private static final int MAX_VIEWS = 1024;

  /**
   * Sees every request and answer that crossed the server, e.g. to validate them against a spec.
   */
  @FunctionalInterface
  public interface ExchangeListener {
    /** Called after the answer was sent (or the fault happened). */
    void onExchange(RecordedExchange exchange);
  }

  private final InMemoryUnkey unkey;
  private final LoopbackListener listener;
  final List<ActiveFault> faults = new CopyOnWriteArrayList<>();
  final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
  final WorkspaceRateLimit rateLimit = new WorkspaceRateLimit();

  /**
   * Views by root key hash; a view holds no state of its own, so a revoked key's view still answers
   * 401.
   */
  private final ConcurrentHashMap<String, InMemoryUnkey> views = new ConcurrentHashMap<>();

  private final String urlHost;
  private volatile boolean closed;

  private FakeUnkeyServer(Builder b) {
    this.unkey = b.unkey;
    ExchangeHandler handler =
        new ExchangeHandler(this, b.readTimeout, b.idleTimeout, b.maxRequestBodyBytes);
    this.listener =
        new LoopbackListener("fake-unkey", b.address, b.port, b.maxConnections, handler);
    this.urlHost =
        b.address instanceof Inet6Address
            ? "[" + b.address.getHostAddress() + "]"
            : b.address.getHostAddress();
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
    return "http://" + urlHost + ":" + port();
  }

  /** The bound port. */
  public int port() {
    return listener.port();
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
   * Every permission check the workspace made, for requests over HTTP and calls on {@link #unkey()}
   * alike (the same as {@code unkey().recording()}).
   */
  public Recording recording() {
    return unkey.recording();
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
    listener.close();
  }

  @Override
  public String toString() {
    return "FakeUnkeyServer{" + url() + "}";
  }

  /**
   * Runs a standalone server; {@code --help} lists the flags ({@code --port}, {@code --host},
   * {@code --root-key-env}, {@code --state}, {@code --fault}, ...). Prints the URL and the
   * bootstrap key once, labelled as a local test credential, and runs until the process is stopped.
   */
  public static void main(String[] args) {
    System.exit(ServerCommand.run(args, System.getenv(), System.out, System.err));
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
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int maxConnections = 1024;
    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofMinutes(5);
    private int maxRequestBodyBytes = 1024 * 1024;
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

    /**
     * Binds {@code address} instead of loopback; only the standalone server's {@code --host} does.
     */
    Builder address(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address == null");
      return this;
    }

    /**
     * Connections served at once, each on its own thread (default 1024); more wait in the accept
     * backlog until one closes.
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be >= 1");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * How long one read inside a request (its head or body) may wait for bytes before the server
     * closes the connection (default 10 s): a client that sends half a request and stalls holds a
     * connection no longer than this. A request's head as a whole must arrive within it too (else
     * 408), so that a client trickling a byte now and then cannot hold a connection either.
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * How long a kept-alive connection may wait for its next request before the server closes it
     * (default 5 min, longer than OkHttp's pool keeps idle connections, so the close cannot race a
     * reuse); advertised to clients as {@code Keep-Alive: timeout=N}.
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive(idleTimeout, "idleTimeout");
      return this;
    }

    /**
     * The largest request body served (default 1 MiB; Unkey's requests are a few KiB). A larger
     * body is answered 413 with Unkey's error envelope ({@code request_body_too_large}) and its
     * connection closed, without reading the body past the cap.
     */
    public Builder maxRequestBodyBytes(int maxRequestBodyBytes) {
      if (maxRequestBodyBytes < 1) {
        throw new IllegalArgumentException("maxRequestBodyBytes must be >= 1");
      }
      this.maxRequestBodyBytes = maxRequestBodyBytes;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " must be between 1 ms and 24 days");
      }
      return d;
    }

    /** A listener installed before the first request. */
    public Builder listener(ExchangeListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** Binds 127.0.0.1 (unless {@link #address} said otherwise) and starts serving. */
    public FakeUnkeyServer start() {
      FakeUnkeyServer s = new FakeUnkeyServer(this);
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
