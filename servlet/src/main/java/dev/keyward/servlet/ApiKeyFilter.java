package dev.keyward.servlet;

import dev.keyward.BadRequestException;
import dev.keyward.ForbiddenException;
import dev.keyward.RateLimitedException;
import dev.keyward.ServerException;
import dev.keyward.TransportException;
import dev.keyward.UnauthorizedException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A servlet filter that lets a request through only with a valid API key, verified by {@code
 * unkey.keys().verify}. The key is read from {@code Authorization: Bearer <key>} (or a configured
 * header), never from the query string.
 *
 * <p>Answers, each an RFC 7807 {@code application/problem+json} body that never echoes the key: no
 * key → 401 with {@code WWW-Authenticate: Bearer}; NOT_FOUND, EXPIRED, DISABLED → 401;
 * INSUFFICIENT_PERMISSIONS, FORBIDDEN → 403; RATE_LIMITED → 429 with {@code Retry-After};
 * USAGE_EXCEEDED → 429 (or 402); Unkey unreachable, failing or rejecting the root key → 503. A
 * valid key becomes the request's {@link VerifiedKey} principal and attribute {@link
 * VerifiedKey#ATTRIBUTE}.
 *
 * <pre>{@code
 * ApiKeyFilter filter = ApiKeyFilter.builder(unkey)
 *     .route("/documents/*", Requirement.permissions("documents.read"))
 *     .exclude("/health")
 *     .build();
 * }</pre>
 */
public final class ApiKeyFilter implements Filter {
  /**
   * Request attribute set to {@code Boolean.TRUE} when the filter let a request through unverified
   * because Unkey was unavailable and {@link Builder#failOpen(boolean)} is on.
   */
  public static final String FAILED_OPEN_ATTRIBUTE = "dev.keyward.servlet.ApiKeyFilter.failedOpen";

  private static final System.Logger LOG = System.getLogger(ApiKeyFilter.class.getName());

  private final Unkey unkey;
  private final CredentialReader credentials;
  private final @Nullable String header;
  private final RouteTable routes;
  private final @Nullable Requirement defaultRequirement;
  private final @Nullable VerificationCache cache;
  private final boolean failOpen;
  private final int usageExceededStatus;
  private final VerificationListener listener;
  private final AtomicBoolean incident = new AtomicBoolean();

  private ApiKeyFilter(Builder b) {
    unkey = b.unkey;
    header = b.header;
    credentials = new CredentialReader(b.header);
    routes = new RouteTable(b.routes);
    defaultRequirement = b.defaultRequirement;
    cache = b.cache;
    failOpen = b.failOpen;
    usageExceededStatus = b.usageExceededStatus;
    listener = b.listener;
  }

  /** Starts a filter that verifies keys through {@code unkey}. */
  public static Builder builder(Unkey unkey) {
    return new Builder(unkey);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      throw new ServletException("ApiKeyFilter handles HTTP requests only");
    }
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    Requirement requirement = requirementFor(request);
    if (requirement == null) {
      chain.doFilter(request, response);
      return;
    }
    Outcome outcome = authenticate(request, requirement);
    if (outcome.key != null) {
      request.setAttribute(VerifiedKey.ATTRIBUTE, outcome.key);
      chain.doFilter(new AuthenticatedRequest(request, outcome.key), response);
    } else if (outcome.rejection != null) {
      outcome.rejection.write(response);
    } else {
      request.setAttribute(FAILED_OPEN_ATTRIBUTE, Boolean.TRUE);
      chain.doFilter(request, response);
    }
  }

  /** The requirement for this request's path, or null if it is excluded. */
  @Nullable Requirement requirementFor(HttpServletRequest request) {
    String path = request.getServletPath();
    String info = request.getPathInfo();
    if (info != null) {
      path = path + info;
    }
    if (path.isEmpty()) {
      path = "/";
    }
    RouteTable.Route route = routes.match(path);
    return route == null ? defaultRequirement : route.requirement;
  }

  /**
   * Decides the request against {@code requirement}: a missing or malformed key is rejected without
   * a call, a cached answer is used when the cache holds one, otherwise Unkey verifies the key. The
   * result says whether to pass the request on, reject it, or (fail open) pass it unverified. Only
   * {@link #doFilter} calls it; the Spring integration and the benchmarks go through {@code
   * doFilter} too.
   */
  Outcome authenticate(HttpServletRequest request, Requirement requirement) {
    CredentialReader.Credential credential = credentials.read(request);
    if (credential.status == CredentialReader.Status.MISSING) {
      listener.missingKey(false);
      return Outcome.reject(header == null ? Rejection.missingKey() : Rejection.missingKey(header));
    }
    if (credential.status == CredentialReader.Status.MALFORMED || credential.key == null) {
      listener.missingKey(true);
      return Outcome.reject(Rejection.malformedKey());
    }
    Secret key = credential.key;
    VerificationCache verificationCache = cache;
    String hash = "";
    if (verificationCache != null) {
      hash = key.hash();
      VerificationCache.Entry hit = verificationCache.lookup(hash, requirement.cacheQuery());
      if (hit != null) {
        listener.verified(hit.verification.code(), true);
        return hit.key != null ? Outcome.pass(hit.key) : decide(hit.verification);
      }
    }
    Verification result;
    try {
      result = unkey.keys().verify(requirement.toRequest(key));
    } catch (UnkeyException e) {
      return unavailable(e);
    } catch (IllegalArgumentException e) {
      // Not the key's length or characters (the credential reader refused those) nor the
      // requirement (checked when it was built): only an Unkey implementation that rejects the
      // request before sending it gets here, and the key is answered as malformed.
      listener.missingKey(true);
      return Outcome.reject(Rejection.malformedKey());
    }
    if (incident.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "keyward: Unkey reachable again; API key verification resumed");
    }
    if (verificationCache != null) {
      verificationCache.offer(hash, requirement.cacheQuery(), result);
    }
    listener.verified(result.code(), false);
    return decide(result);
  }

  private Outcome decide(Verification result) {
    if (result.valid()) {
      if (LOG.isLoggable(Level.TRACE)) {
        LOG.log(Level.TRACE, "keyward: key " + result.keyId() + " VALID");
      }
      return Outcome.pass(VerifiedKey.of(result));
    }
    Rejection rejection = Rejection.of(result, usageExceededStatus);
    LOG.log(
        Level.DEBUG,
        () ->
            "keyward: key rejected: "
                + result.rawCode()
                + " (key id "
                + result.keyId()
                + ", request "
                + result.requestId()
                + ") → "
                + rejection.status);
    return Outcome.reject(rejection);
  }

  private Outcome unavailable(UnkeyException e) {
    boolean outage =
        e instanceof TransportException
            || e instanceof ServerException
            || e instanceof UnexpectedStatusException
            || e instanceof RateLimitedException;
    boolean first = incident.compareAndSet(false, true);
    if (first) {
      // Once per incident; e's message holds status, type and request id, never a key.
      String what = outage ? "Unkey is unavailable" : misconfiguration(e);
      LOG.log(
          Level.ERROR,
          "keyward: "
              + what
              + "; "
              + (outage && failOpen ? "FAILING OPEN: requests pass unverified" : "answering 503")
              + " until verification succeeds again: "
              + e.getMessage());
    }
    listener.unavailable(outage && failOpen);
    if (outage && failOpen) {
      return Outcome.FAILED_OPEN;
    }
    Long retryAfter = null;
    if (e instanceof RateLimitedException) {
      retryAfter = ((RateLimitedException) e).retryAfter().map(Rejection::ceilSeconds).orElse(null);
    }
    return Outcome.reject(Rejection.unavailable(retryAfter));
  }

  private static String misconfiguration(UnkeyException e) {
    if (e instanceof UnauthorizedException) {
      return "Unkey rejected the root key (check the configured root key)";
    }
    if (e instanceof ForbiddenException) {
      return "the root key may not verify keys (it needs api.<id>.verify_key)";
    }
    if (e instanceof BadRequestException) {
      return "Unkey rejected the verify request (check the route's requirement)";
    }
    return "key verification failed";
  }

  @Override
  public String toString() {
    return "ApiKeyFilter{header="
        + (header == null ? "Authorization: Bearer" : header)
        + ", cache="
        + cache
        + ", failOpen="
        + failOpen
        + "}";
  }

  /** The result of {@link #authenticate}: exactly one of key, rejection, or failed open. */
  static final class Outcome {
    static final Outcome FAILED_OPEN = new Outcome(null, null);

    final @Nullable VerifiedKey key;
    final @Nullable Rejection rejection;

    private Outcome(@Nullable VerifiedKey key, @Nullable Rejection rejection) {
      this.key = key;
      this.rejection = rejection;
    }

    static Outcome pass(VerifiedKey key) {
      return new Outcome(key, null);
    }

    static Outcome reject(Rejection rejection) {
      return new Outcome(null, rejection);
    }
  }

  /** Builds an {@link ApiKeyFilter}. */
  public static final class Builder {
    private final Unkey unkey;
    private @Nullable String header;
    private final List<RouteTable.Route> routes = new ArrayList<>();
    private @Nullable Requirement defaultRequirement = Requirement.none();
    private @Nullable VerificationCache cache;
    private boolean failOpen;
    private int usageExceededStatus = 429;
    private VerificationListener listener = VerificationListener.NONE;

    Builder(Unkey unkey) {
      this.unkey = Objects.requireNonNull(unkey, "unkey == null");
    }

    /**
     * Reads the key from this header's raw value (e.g. {@code X-API-Key}) instead of {@code
     * Authorization: Bearer}. {@code Authorization} restores the default.
     */
    public Builder header(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank() || !name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != ':')) {
        throw new IllegalArgumentException(
            "header must be a non-empty token without ':' or spaces");
      }
      this.header = name.equalsIgnoreCase("Authorization") ? null : name;
      return this;
    }

    /**
     * Protects paths matching {@code pattern} ({@code /exact}, {@code /prefix/*} or {@code *.ext})
     * with {@code requirement}; the most specific pattern wins.
     */
    public Builder route(String pattern, Requirement requirement) {
      RouteTable.checkPattern(pattern);
      routes.add(
          new RouteTable.Route(
              pattern, Objects.requireNonNull(requirement, "requirement == null")));
      return this;
    }

    /** Lets paths matching {@code pattern} through without a key (e.g. health checks). */
    public Builder exclude(String pattern) {
      RouteTable.checkPattern(pattern);
      routes.add(new RouteTable.Route(pattern, null));
      return this;
    }

    /** The requirement for paths no route matches; default {@link Requirement#none()}. */
    public Builder defaultRequirement(Requirement requirement) {
      this.defaultRequirement = Objects.requireNonNull(requirement, "requirement == null");
      return this;
    }

    /** Lets paths no route matches through without a key. */
    public Builder excludeUnmatched() {
      this.defaultRequirement = null;
      return this;
    }

    /** Caches verification results (off by default); see {@link VerificationCache} on staleness. */
    public Builder cache(VerificationCache cache) {
      this.cache = Objects.requireNonNull(cache, "cache == null");
      return this;
    }

    /**
     * When Unkey is unreachable or failing, let requests through unverified instead of answering
     * 503 (default false: fail closed). Logged once per incident; a rejected root key never fails
     * open.
     */
    public Builder failOpen(boolean failOpen) {
      this.failOpen = failOpen;
      return this;
    }

    /** The status for USAGE_EXCEEDED: 429 (default) or 402. */
    public Builder usageExceededStatus(int status) {
      if (status != 429 && status != 402) {
        throw new IllegalArgumentException("usageExceededStatus must be 429 or 402");
      }
      this.usageExceededStatus = status;
      return this;
    }

    /** Observes outcomes (e.g. for metrics); it never sees a key. */
    public Builder listener(VerificationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** Builds the filter. */
    public ApiKeyFilter build() {
      return new ApiKeyFilter(this);
    }
  }
}
