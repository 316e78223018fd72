package dev.keyward.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** keyward's settings under {@code keyward.*}. The root key itself is never a property. */
@ConfigurationProperties("keyward")
public class KeywardProperties {
  /** Base URL of the Unkey API; unset: UNKEY_BASE_URL, else https://api.unkey.com. */
  private @Nullable String baseUrl;

  /** Name of the environment variable that holds the root key. */
  private String rootKeyEnv = "UNKEY_ROOT_KEY";

  /** File that holds the root key (re-read when it changes); takes precedence over root-key-env. */
  private @Nullable Path rootKeyFile;

  /** Connect timeout of calls to Unkey. */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** Read timeout of calls to Unkey. */
  private Duration readTimeout = Duration.ofSeconds(30);

  /** Whole-call timeout of calls to Unkey. */
  private Duration callTimeout = Duration.ofSeconds(60);

  private final Retry retry = new Retry();
  private final Filter filter = new Filter();
  @NestedConfigurationProperty private final CacheProperties cache = new CacheProperties();
  private final Security security = new Security();

  /** Base URL of the Unkey API, if set (else UNKEY_BASE_URL, else https://api.unkey.com). */
  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  /** Sets the base URL. */
  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Name of the environment variable that holds the root key. */
  public String getRootKeyEnv() {
    return rootKeyEnv;
  }

  /** Sets the environment variable name. */
  public void setRootKeyEnv(String rootKeyEnv) {
    this.rootKeyEnv = rootKeyEnv;
  }

  /** File that holds the root key, if any. */
  public @Nullable Path getRootKeyFile() {
    return rootKeyFile;
  }

  /** Sets the root key file. */
  public void setRootKeyFile(@Nullable Path rootKeyFile) {
    this.rootKeyFile = rootKeyFile;
  }

  /** Connect timeout. */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** Sets the connect timeout. */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** Read timeout. */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /** Sets the read timeout. */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** Whole-call timeout. */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /** Sets the whole-call timeout. */
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /** Retry settings. */
  public Retry getRetry() {
    return retry;
  }

  /** Filter settings. */
  public Filter getFilter() {
    return filter;
  }

  /** Verification cache settings. */
  public CacheProperties getCache() {
    return cache;
  }

  /** Spring Security settings. */
  public Security getSecurity() {
    return security;
  }

  /** Retries of calls to Unkey (verifyKey is retried only when the request provably never left). */
  public static class Retry {
    /** Whether to retry at all. */
    private boolean enabled = true;

    /** Most attempts per call, including the first. */
    private int maxAttempts = Integer.MAX_VALUE;

    /** Wall-time budget from the first attempt. */
    private Duration budget = Duration.ofSeconds(10);

    /** Whether to retry. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether to retry. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Most attempts per call. */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /** Sets the most attempts per call. */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** Wall-time budget. */
    public Duration getBudget() {
      return budget;
    }

    /** Sets the wall-time budget. */
    public void setBudget(Duration budget) {
      this.budget = budget;
    }
  }

  /** The API key filter. */
  public static class Filter {
    /** Whether to register the API key filter. */
    private boolean enabled = true;

    /** Servlet URL patterns the filter is registered for. */
    private List<String> urlPatterns = new ArrayList<>(List.of("/*"));

    /** Header holding the key as its raw value (e.g. X-API-Key); default Authorization: Bearer. */
    private @Nullable String header;

    /** Permission query for paths no route matches (Unkey's language); empty: any valid key. */
    private @Nullable String defaultPermissions;

    /** Path patterns let through without a key (/exact, /prefix/* or *.ext). */
    private List<String> exclude = new ArrayList<>();

    /** Per-pattern requirements; the most specific pattern wins. */
    private List<RouteProperties> routes = new ArrayList<>();

    /** Deprecated: keyward.filter.degraded.policy=FAIL_OPEN. */
    private boolean failOpen;

    /** What the filter does when Unkey cannot answer. */
    @NestedConfigurationProperty
    private final DegradedProperties degraded = new DegradedProperties();

    /** The filter's own time and attempt budget per verification. */
    @NestedConfigurationProperty private final VerifyProperties verify = new VerifyProperties();

    /** Status for USAGE_EXCEEDED: 429 or 402. */
    private int usageExceededStatus = 429;

    /** Filter order; the default runs before Spring Security's filter chain (-100). */
    private int order = -110;

    /** Whether the filter is registered. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether the filter is registered. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** URL patterns. */
    public List<String> getUrlPatterns() {
      return urlPatterns;
    }

    /** Sets the URL patterns. */
    public void setUrlPatterns(List<String> urlPatterns) {
      this.urlPatterns = urlPatterns;
    }

    /** The key header, if not Authorization: Bearer. */
    public @Nullable String getHeader() {
      return header;
    }

    /** Sets the key header. */
    public void setHeader(@Nullable String header) {
      this.header = header;
    }

    /** Default permission query. */
    public @Nullable String getDefaultPermissions() {
      return defaultPermissions;
    }

    /** Sets the default permission query. */
    public void setDefaultPermissions(@Nullable String defaultPermissions) {
      this.defaultPermissions = defaultPermissions;
    }

    /** Excluded patterns. */
    public List<String> getExclude() {
      return exclude;
    }

    /** Sets the excluded patterns. */
    public void setExclude(List<String> exclude) {
      this.exclude = exclude;
    }

    /** Routes. */
    public List<RouteProperties> getRoutes() {
      return routes;
    }

    /** Sets the routes. */
    public void setRoutes(List<RouteProperties> routes) {
      this.routes = routes;
    }

    /**
     * Whether to fail open.
     *
     * @deprecated use {@link DegradedProperties#getPolicy()}
     */
    @Deprecated
    @DeprecatedConfigurationProperty(replacement = "keyward.filter.degraded.policy")
    public boolean isFailOpen() {
      return failOpen;
    }

    /**
     * Sets whether to fail open.
     *
     * @deprecated use {@link DegradedProperties#setPolicy}
     */
    @Deprecated
    public void setFailOpen(boolean failOpen) {
      this.failOpen = failOpen;
    }

    /** What the filter does when Unkey cannot answer. */
    public DegradedProperties getDegraded() {
      return degraded;
    }

    /** The filter's budget per verification. */
    public VerifyProperties getVerify() {
      return verify;
    }

    /** Status for USAGE_EXCEEDED. */
    public int getUsageExceededStatus() {
      return usageExceededStatus;
    }

    /** Sets the status for USAGE_EXCEEDED. */
    public void setUsageExceededStatus(int usageExceededStatus) {
      this.usageExceededStatus = usageExceededStatus;
    }

    /** Filter order. */
    public int getOrder() {
      return order;
    }

    /** Sets the filter order. */
    public void setOrder(int order) {
      this.order = order;
    }
  }

  /** Spring Security integration. */
  public static class Security {
    /** Whether to turn verified keys into Spring Security authentications. */
    private boolean enabled = true;

    /** Whether the integration is on. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether the integration is on. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
