package dev.keyward.leak;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub's secret-scanning public keys, fetched over HTTP and kept: the document is fetched when
 * first needed and again after {@link Builder#maxAge} (1 hour); an identifier it does not list
 * fetches it once more, at most once per {@link Builder#minRefetchInterval} (1 minute), so random
 * identifiers cannot make it fetch more often (GitHub allows about 60 unauthenticated requests an
 * hour). Threads that need a fetch while one runs wait for that one. A failed fetch (status, body,
 * transport) keeps the last good set and is retried after the minimum interval. Thread-safe.
 *
 * <pre>{@code
 * GitHubKeySource keys = GitHubKeySource.builder().okHttpClient(shared).build();
 * GitHubSignatureVerifier verifier = new GitHubSignatureVerifier(keys);
 * }</pre>
 */
public final class GitHubKeySource implements GitHubKeyLookup {
  /** GitHub's document. */
  public static final String DEFAULT_URL =
      "https://api.github.com/meta/public_keys/secret_scanning";

  private static final long MAX_DOCUMENT_BYTES = 1 << 20;
  private static final Logger log = LoggerFactory.getLogger(GitHubKeySource.class);

  /** What is known: the last good keys (maybe none), when they were fetched, the last attempt. */
  private record State(
      GitHubPublicKeys keys, @Nullable Instant fetchedAt, @Nullable Instant attemptedAt) {}

  private final OkHttpClient client;
  private final HttpUrl url;
  private final @Nullable Secret token;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration minRefetchInterval;
  private final Object lock = new Object();
  private volatile State state;
  private @Nullable CompletableFuture<State> inflight; // guarded by lock

  private GitHubKeySource(Builder b) {
    client =
        b.client != null
            ? b.client
            : new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    url = b.url;
    token = b.token;
    clock = b.clock;
    maxAge = b.maxAge;
    minRefetchInterval = b.minRefetchInterval;
    state = new State(GitHubPublicKeys.fromJson("{\"public_keys\":[]}"), null, null);
  }

  /** Starts a source for GitHub's document at {@link #DEFAULT_URL}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<PublicKey> find(String keyIdentifier) {
    State s = state;
    Instant now = clock.instant();
    if (stale(s, now) && mayAttempt(s, now)) {
      s = refresh(s);
    }
    Optional<PublicKey> key = s.keys().find(keyIdentifier);
    if (key.isEmpty() && mayAttempt(s, clock.instant())) {
      key = refresh(s).keys().find(keyIdentifier);
    }
    return key;
  }

  /** The keys held now, without fetching (empty before the first successful fetch). */
  public GitHubPublicKeys current() {
    return state.keys();
  }

  private boolean stale(State s, Instant now) {
    return s.fetchedAt() == null || !now.isBefore(s.fetchedAt().plus(maxAge));
  }

  private boolean mayAttempt(State s, Instant now) {
    return s.attemptedAt() == null || !now.isBefore(s.attemptedAt().plus(minRefetchInterval));
  }

  /** One fetch for every thread that saw {@code seen}: the first fetches, the others wait. */
  private State refresh(State seen) {
    CompletableFuture<State> future;
    boolean mine = false;
    synchronized (lock) {
      if (state != seen) {
        return state; // another thread refreshed meanwhile
      }
      future = inflight;
      if (future == null) {
        future = new CompletableFuture<>();
        inflight = future;
        mine = true;
      }
    }
    if (!mine) {
      return future.join();
    }
    State next = seen;
    try {
      next = fetch(seen);
    } finally {
      synchronized (lock) {
        state = next;
        inflight = null;
      }
      future.complete(next);
    }
    return next;
  }

  private State fetch(State previous) {
    Instant attempted = clock.instant();
    Request.Builder request =
        new Request.Builder().url(url).header("Accept", "application/vnd.github+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token.reveal());
    }
    try (Response response = client.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful()) {
        log.warn(
            "GitHub public keys: HTTP {}; keeping {} key(s)",
            response.code(),
            previous.keys().size());
        return new State(previous.keys(), previous.fetchedAt(), attempted);
      }
      BufferedSource source = body.source();
      if (source.request(MAX_DOCUMENT_BYTES + 1)) {
        log.warn(
            "GitHub public keys: document over 1 MiB; keeping {} key(s)", previous.keys().size());
        return new State(previous.keys(), previous.fetchedAt(), attempted);
      }
      GitHubPublicKeys keys = GitHubPublicKeys.fromJson(source.readUtf8());
      if (keys.size() == 0) {
        log.warn(
            "GitHub public keys: the document lists none; keeping {} key(s)",
            previous.keys().size());
        return new State(previous.keys(), previous.fetchedAt(), attempted);
      }
      log.debug("GitHub public keys: fetched {}", keys.keyIdentifiers());
      return new State(keys, attempted, attempted);
    } catch (IOException | IllegalArgumentException e) {
      log.warn(
          "GitHub public keys: fetch failed ({}); keeping {} key(s)",
          e.getClass().getName(),
          previous.keys().size());
      return new State(previous.keys(), previous.fetchedAt(), attempted);
    }
  }

  @Override
  public String toString() {
    return "GitHubKeySource[" + url + ", " + state.keys().size() + " keys]";
  }

  /** Configures a {@link GitHubKeySource}. */
  public static final class Builder {
    private @Nullable OkHttpClient client;
    private HttpUrl url = HttpUrl.get(DEFAULT_URL);
    private @Nullable Secret token;
    private Clock clock = Clock.systemUTC();
    private Duration maxAge = Duration.ofHours(1);
    private Duration minRefetchInterval = Duration.ofMinutes(1);

    Builder() {}

    /** The HTTP client (default: a new one with a 10 s call timeout). */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Where the document is (default {@link #DEFAULT_URL}). */
    public Builder url(String url) {
      HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url == null"));
      if (parsed == null) {
        throw new IllegalArgumentException("url must be an http or https URL");
      }
      this.url = parsed;
      return this;
    }

    /**
     * A GitHub token sent as {@code Authorization: Bearer}, for a higher rate limit (no scopes
     * needed); never logged.
     */
    public Builder token(Secret token) {
      this.token = Objects.requireNonNull(token, "token == null");
      return this;
    }

    /** The clock of the cache (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How long a fetched document is used before it is fetched again (default 1 hour). */
    public Builder maxAge(Duration maxAge) {
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("maxAge must be positive");
      }
      this.maxAge = maxAge;
      return this;
    }

    /** The least time between two fetch attempts outside {@code maxAge} (default 1 minute). */
    public Builder minRefetchInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("minRefetchInterval must not be negative");
      }
      this.minRefetchInterval = interval;
      return this;
    }

    /** Builds the source; nothing is fetched until a key is needed. */
    public GitHubKeySource build() {
      return new GitHubKeySource(this);
    }
  }
}
