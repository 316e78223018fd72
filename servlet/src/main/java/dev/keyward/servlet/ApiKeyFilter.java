package dev.keyward.servlet;

import dev.keyward.Unkey;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A servlet filter that lets a request through only with a valid API key, verified by {@code
 * unkey.keys().verify}. The key is read from {@code Authorization: Bearer <key>} (or a configured
 * header), never from the query string.
 *
 * <p>Answers, each an RFC 7807 {@code application/problem+json} body that never echoes the key: no
 * key → 401 with {@code WWW-Authenticate: Bearer}; NOT_FOUND, EXPIRED, DISABLED → 401;
 * INSUFFICIENT_PERMISSIONS, FORBIDDEN → 403; RATE_LIMITED → 429 with {@code Retry-After};
 * USAGE_EXCEEDED → 429 (or 402); Unkey rejecting the root key → 503. A valid key becomes the
 * request's {@link VerifiedKey} principal and attribute {@link VerifiedKey#ATTRIBUTE}. Answers to a
 * verification with rate limits carry {@code RateLimit-Policy} and {@code RateLimit}
 * (draft-ietf-httpapi-ratelimit-headers-09) for the most restrictive one.
 *
 * <p>When Unkey cannot answer (a transport failure, a timeout, a 5xx), each route follows its
 * {@link DegradedPolicy} (default {@link DegradedPolicy#FAIL_CLOSED}: 503 with {@code
 * Retry-After}). A circuit breaker in front of verification opens after consecutive failures, so
 * requests take the policy at once instead of waiting; its state is {@link #circuitState()}. Give
 * verification its own budget (default 2 s over at most 2 attempts, see {@link
 * Builder#verificationBudget}): the management defaults are too patient for a request path.
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
   * because Unkey was unavailable and the route's policy is {@link DegradedPolicy#FAIL_OPEN}.
   */
  public static final String FAILED_OPEN_ATTRIBUTE = "dev.keyward.servlet.ApiKeyFilter.failedOpen";

  /**
   * Request attribute set to {@code Boolean.TRUE} when the filter let a request through with the
   * key's last known good verification ({@link DegradedPolicy#LAST_KNOWN_GOOD}) because Unkey was
   * unavailable; the request's {@link VerifiedKey} is that older verification.
   */
  public static final String LAST_KNOWN_GOOD_ATTRIBUTE =
      "dev.keyward.servlet.ApiKeyFilter.lastKnownGood";

  private final @Nullable String header;
  private final RouteTable routes;
  private final RouteTable.Route defaultRoute;
  private final DegradedPolicy defaultPolicy;
  private final @Nullable VerificationCache cache;
  private final Degradation degradation;
  private final Authenticator authenticator;

  private ApiKeyFilter(Builder b) {
    header = b.header;
    routes = new RouteTable(b.routes);
    defaultRoute = new RouteTable.Route("/*", b.defaultRequirement, null);
    defaultPolicy = b.policy;
    cache = b.cache;
    VerificationListener l = b.listener;
    CircuitBreaker breaker =
        new CircuitBreaker(
            b.breakerThreshold, b.breakerInterval.toMillis(), b.clock, l::circuitStateChanged);
    boolean anyLastKnownGood = b.policy == DegradedPolicy.LAST_KNOWN_GOOD;
    for (RouteTable.Route r : b.routes) {
      anyLastKnownGood |= r.policy == DegradedPolicy.LAST_KNOWN_GOOD;
    }
    LastKnownGood lkg =
        anyLastKnownGood ? new LastKnownGood(b.lkgEntries, b.lkgWindow.toMillis(), b.clock) : null;
    degradation =
        new Degradation(breaker, lkg, l, b.clock, Rejection.ceilSeconds(b.breakerInterval));
    authenticator =
        new Authenticator(
            b.unkey.withBudget(b.verifyTimeout, b.verifyAttempts),
            new CredentialReader(b.header),
            b.header,
            b.cache,
            b.usageExceededStatus,
            l,
            degradation);
  }

  /** Starts a filter that verifies keys through {@code unkey}. */
  public static Builder builder(Unkey unkey) {
    return new Builder(unkey);
  }

  /** The state of the circuit breaker in front of verification, e.g. for a health check. */
  public CircuitState circuitState() {
    return degradation.breaker.state();
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      throw new ServletException("ApiKeyFilter handles HTTP requests only");
    }
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    RouteTable.Route route = routeFor(request);
    Requirement requirement = route.requirement;
    if (requirement == null) {
      chain.doFilter(request, response);
      return;
    }
    Outcome outcome =
        authenticator.authenticate(
            request, requirement, route.policy == null ? defaultPolicy : route.policy);
    if (outcome.limits != null) {
      RateLimitHeaders.write(response, outcome.limits, requirement);
    }
    if (outcome.key != null) {
      request.setAttribute(VerifiedKey.ATTRIBUTE, outcome.key);
      if (outcome.lastKnownGood) {
        request.setAttribute(LAST_KNOWN_GOOD_ATTRIBUTE, Boolean.TRUE);
      }
      chain.doFilter(new AuthenticatedRequest(request, outcome.key), response);
    } else if (outcome.rejection != null) {
      outcome.rejection.write(response);
    } else {
      request.setAttribute(FAILED_OPEN_ATTRIBUTE, Boolean.TRUE);
      chain.doFilter(request, response);
    }
  }

  /** The route for this request's path: a configured one, or the default route. */
  RouteTable.Route routeFor(HttpServletRequest request) {
    String path = request.getServletPath();
    String info = request.getPathInfo();
    if (info != null) {
      path = path + info;
    }
    if (path.isEmpty()) {
      path = "/";
    }
    RouteTable.Route route = routes.match(path);
    return route == null ? defaultRoute : route;
  }

  @Override
  public String toString() {
    return "ApiKeyFilter{header="
        + (header == null ? "Authorization: Bearer" : header)
        + ", cache="
        + cache
        + ", degradedPolicy="
        + defaultPolicy
        + ", circuit="
        + circuitState()
        + "}";
  }

  /** Builds an {@link ApiKeyFilter}. */
  public static final class Builder {
    private final Unkey unkey;
    private @Nullable String header;
    private final List<RouteTable.Route> routes = new ArrayList<>();
    private @Nullable Requirement defaultRequirement = Requirement.none();
    private @Nullable VerificationCache cache;
    private DegradedPolicy policy = DegradedPolicy.FAIL_CLOSED;
    private Duration lkgWindow = Duration.ofMinutes(5);
    private int lkgEntries = 10_000;
    private int breakerThreshold = 5;
    private Duration breakerInterval = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private int usageExceededStatus = 429;
    private VerificationListener listener = VerificationListener.NONE;
    private Duration verifyTimeout = Duration.ofSeconds(2);
    private int verifyAttempts = 2;

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
              pattern, Objects.requireNonNull(requirement, "requirement == null"), null));
      return this;
    }

    /**
     * Like {@link #route(String, Requirement)}, with the route's own {@code policy} for when Unkey
     * cannot answer instead of the {@link #degradedPolicy(DegradedPolicy) default}.
     */
    public Builder route(String pattern, Requirement requirement, DegradedPolicy policy) {
      RouteTable.checkPattern(pattern);
      routes.add(
          new RouteTable.Route(
              pattern,
              Objects.requireNonNull(requirement, "requirement == null"),
              Objects.requireNonNull(policy, "policy == null")));
      return this;
    }

    /** Lets paths matching {@code pattern} through without a key (e.g. health checks). */
    public Builder exclude(String pattern) {
      RouteTable.checkPattern(pattern);
      routes.add(new RouteTable.Route(pattern, null, null));
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
     * 503: the same as {@code degradedPolicy(failOpen ? FAIL_OPEN : FAIL_CLOSED)}.
     *
     * @deprecated use {@link #degradedPolicy(DegradedPolicy)} or a route's own policy
     */
    @Deprecated
    public Builder failOpen(boolean failOpen) {
      return degradedPolicy(failOpen ? DegradedPolicy.FAIL_OPEN : DegradedPolicy.FAIL_CLOSED);
    }

    /**
     * What routes without their own policy do when Unkey cannot answer (a transport failure, a
     * timeout, a 5xx, or the circuit breaker open); default {@link DegradedPolicy#FAIL_CLOSED}. A
     * root key Unkey rejects is always answered 503.
     */
    public Builder degradedPolicy(DegradedPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * The bounds of {@link DegradedPolicy#LAST_KNOWN_GOOD}: a key passes only if it verified VALID
     * less than {@code window} ago (default 5 min, more than 0 and at most 24 h), and at most
     * {@code maxEntries} keys are remembered (default 10 000, 1..10 000 000).
     */
    public Builder lastKnownGood(Duration window, int maxEntries) {
      Objects.requireNonNull(window, "lastKnownGoodWindow == null");
      if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException(
            "lastKnownGoodWindow must be more than 0 and at most 24 h");
      }
      if (maxEntries < 1 || maxEntries > 10_000_000) {
        throw new IllegalArgumentException(
            "lastKnownGoodMaxEntries must be between 1 and 10000000");
      }
      this.lkgWindow = window;
      this.lkgEntries = maxEntries;
      return this;
    }

    /**
     * The circuit breaker in front of verification: it opens after {@code failureThreshold}
     * consecutive failures to answer (default 5, 1..1000) and, every {@code openInterval} (default
     * 5 s, more than 0 and at most 1 h), lets one probe request verify while every other request
     * takes its route's policy; the probe's success closes it.
     */
    public Builder circuitBreaker(int failureThreshold, Duration openInterval) {
      if (failureThreshold < 1 || failureThreshold > 1000) {
        throw new IllegalArgumentException("circuitBreakerThreshold must be between 1 and 1000");
      }
      Objects.requireNonNull(openInterval, "circuitBreakerInterval == null");
      if (openInterval.isNegative()
          || openInterval.isZero()
          || openInterval.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException(
            "circuitBreakerInterval must be more than 0 and at most 1 h");
      }
      this.breakerThreshold = failureThreshold;
      this.breakerInterval = openInterval;
      return this;
    }

    /** The clock the circuit breaker and the last-known-good window read. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
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

    /**
     * The filter's own budget for one verification (default 2 s over at most 2 attempts), applied
     * through {@link Unkey#withBudget}: a request path cannot wait as long as management calls.
     */
    public Builder verificationBudget(Duration timeout, int maxAttempts) {
      Objects.requireNonNull(timeout, "verificationTimeout == null");
      if (timeout.compareTo(Duration.ofMillis(10)) < 0
          || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("verificationTimeout must be between 10 ms and 1 min");
      }
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException("verificationAttempts must be between 1 and 10");
      }
      this.verifyTimeout = timeout;
      this.verifyAttempts = maxAttempts;
      return this;
    }

    /** Builds the filter. */
    public ApiKeyFilter build() {
      return new ApiKeyFilter(this);
    }
  }
}
