package dev.keyward.spring;

import dev.keyward.Unkey;
import dev.keyward.http.EventListener;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.servlet.CircuitState;
import dev.keyward.servlet.DegradedPolicy;
import dev.keyward.servlet.Requirement;
import dev.keyward.servlet.VerificationCache;
import dev.keyward.servlet.VerificationListener;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configures an {@link UnkeyHttpClient} from {@code keyward.*}, {@code UNKEY_BASE_URL} and
 * {@code UNKEY_ROOT_KEY} (unless the application defines an {@link Unkey} bean, e.g. a fake) and
 * registers {@link ApiKeyFilter} for the configured patterns (except {@code keyward.leak.path} when
 * the secret-scanning endpoint is on).
 */
@AutoConfiguration
@EnableConfigurationProperties(KeywardProperties.class)
public class KeywardAutoConfiguration {
  /** Creates the auto-configuration. */
  public KeywardAutoConfiguration() {}

  /**
   * The root key: from {@code keyward.root-key-file}, else the environment variable named by {@code
   * keyward.root-key-env} ({@code UNKEY_ROOT_KEY}), read on every call.
   */
  @Bean
  @ConditionalOnMissingBean
  public RootKeyProvider keywardRootKeyProvider(
      KeywardProperties properties, Environment environment) {
    if (properties.getRootKeyFile() != null) {
      return RootKeyProvider.fromFile(properties.getRootKeyFile());
    }
    String name = properties.getRootKeyEnv();
    if (name == null || name.isBlank()) {
      throw new IllegalStateException(
          "property keyward.root-key-env must name an environment variable, e.g. "
              + UnkeyHttpClient.ROOT_KEY_VARIABLE);
    }
    return new UnkeyEnvironment(environment).rootKey(name.strip());
  }

  /**
   * The HTTP client, to {@code keyward.base-url}, else {@code UNKEY_BASE_URL}, else Unkey's API;
   * every {@link EventListener} bean observes it. Like {@link UnkeyHttpClient#fromEnvironment()},
   * it reads the root key once at startup, so a missing one fails here, naming its source.
   */
  @Bean
  @ConditionalOnMissingBean(Unkey.class)
  public UnkeyHttpClient unkeyHttpClient(
      KeywardProperties properties,
      RootKeyProvider rootKeys,
      Environment environment,
      ObjectProvider<EventListener> listeners,
      ObjectProvider<UnkeyHttpClientCustomizer> customizers) {
    String baseUrl = new UnkeyEnvironment(environment).baseUrl(properties.getBaseUrl());
    rootKeys.current(); // fail now, naming the variable or file, rather than on the first call
    KeywardProperties.Retry retry = properties.getRetry();
    RetryPolicy.Builder policy = RetryPolicy.builder();
    if (retry.isEnabled()) {
      SettingCheck.apply(
          "keyward.retry.max-attempts", () -> policy.maxAttempts(retry.getMaxAttempts()));
      SettingCheck.apply("keyward.retry.budget", () -> policy.budget(retry.getBudget()));
    }
    UnkeyHttpClient.Builder b =
        UnkeyHttpClient.builder().baseUrl(baseUrl).rootKeyProvider(rootKeys);
    SettingCheck.apply(
        "keyward.connect-timeout", () -> b.connectTimeout(properties.getConnectTimeout()));
    SettingCheck.apply("keyward.read-timeout", () -> b.readTimeout(properties.getReadTimeout()));
    SettingCheck.apply("keyward.call-timeout", () -> b.callTimeout(properties.getCallTimeout()));
    b.retryPolicy(retry.isEnabled() ? policy.build() : RetryPolicy.none())
        .eventListener(
            new CompositeEventListener(listeners.orderedStream().collect(Collectors.toList())));
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /** The opt-in verification cache. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty("keyward.cache.enabled")
  public VerificationCache keywardVerificationCache(KeywardProperties properties) {
    CacheProperties c = properties.getCache();
    VerificationCache.Builder b = VerificationCache.builder();
    SettingCheck.apply("keyward.cache.ttl", () -> b.ttl(c.getTtl()));
    SettingCheck.apply("keyward.cache.negative-ttl", () -> b.negativeTtl(c.getNegativeTtl()));
    SettingCheck.apply("keyward.cache.max-size", () -> b.maxSize(c.getMaxSize()));
    return b.build();
  }

  /** The filter and its registration, in servlet web applications. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(jakarta.servlet.Filter.class)
  @ConditionalOnBooleanProperty(name = "keyward.filter.enabled", matchIfMissing = true)
  static class FilterConfiguration {
    @Bean
    @ConditionalOnMissingBean
    ApiKeyFilter keywardApiKeyFilter(
        Unkey unkey,
        KeywardProperties properties,
        Environment environment,
        ObjectProvider<VerificationCache> cache,
        ObjectProvider<VerificationListener> listeners) {
      KeywardProperties.Filter settings = properties.getFilter();
      ApiKeyFilter.Builder builder = ApiKeyFilter.builder(unkey);
      VerifyProperties verify = settings.getVerify();
      SettingCheck.apply(
          "keyward.filter.verify.timeout",
          () -> builder.verificationBudget(verify.getTimeout(), 2));
      SettingCheck.apply(
          "keyward.filter.verify.max-attempts",
          () -> builder.verificationBudget(verify.getTimeout(), verify.getMaxAttempts()));
      degraded(builder, settings);
      SettingCheck.apply(
          "keyward.filter.usage-exceeded-status",
          () -> builder.usageExceededStatus(settings.getUsageExceededStatus()));
      if (settings.getHeader() != null && !settings.getHeader().isBlank()) {
        SettingCheck.apply("keyward.filter.header", () -> builder.header(settings.getHeader()));
      }
      if (settings.getDefaultPermissions() != null && !settings.getDefaultPermissions().isBlank()) {
        SettingCheck.apply(
            "keyward.filter.default-permissions",
            () ->
                builder.defaultRequirement(
                    Requirement.permissions(settings.getDefaultPermissions())));
      }
      List<String> exclude = settings.getExclude();
      for (int i = 0; i < exclude.size(); i++) {
        String pattern = exclude.get(i);
        SettingCheck.apply("keyward.filter.exclude[" + i + "]", () -> builder.exclude(pattern));
      }
      // GitHub's secret-scanning reports carry a signature, never an API key
      LeakEndpointPath.ifEnabled(environment).ifPresent(builder::exclude);
      List<RouteProperties> routes = settings.getRoutes();
      for (int i = 0; i < routes.size(); i++) {
        RouteProperties route = routes.get(i);
        SettingCheck.apply(
            "keyward.filter.routes[" + i + "]",
            () ->
                builder.route(
                    route.getPattern(),
                    requirement(route),
                    route.getDegradedPolicy() == null
                        ? defaultPolicy(settings)
                        : route.getDegradedPolicy()));
      }
      cache.ifAvailable(builder::cache);
      List<VerificationListener> all = listeners.orderedStream().collect(Collectors.toList());
      if (!all.isEmpty()) {
        builder.listener(new CompositeVerificationListener(all));
      }
      return builder.build();
    }

    /** The filter's circuit breaker state, for the health indicator. */
    @Bean
    Supplier<CircuitState> keywardCircuitState(ApiKeyFilter filter) {
      return filter::circuitState;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> keywardApiKeyFilterRegistration(
        ApiKeyFilter filter, KeywardProperties properties) {
      FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(filter);
      registration.setName("keywardApiKeyFilter");
      registration.setUrlPatterns(properties.getFilter().getUrlPatterns());
      registration.setOrder(properties.getFilter().getOrder());
      return registration;
    }

    @SuppressWarnings("deprecation") // keyward.filter.fail-open keeps working
    static DegradedPolicy defaultPolicy(KeywardProperties.Filter settings) {
      DegradedPolicy policy = settings.getDegraded().getPolicy();
      if (policy != null) {
        return policy;
      }
      return settings.isFailOpen() ? DegradedPolicy.FAIL_OPEN : DegradedPolicy.FAIL_CLOSED;
    }

    static void degraded(ApiKeyFilter.Builder builder, KeywardProperties.Filter settings) {
      DegradedProperties d = settings.getDegraded();
      builder.degradedPolicy(defaultPolicy(settings));
      DegradedProperties defaults = new DegradedProperties();
      // Each pair is applied twice so that a refusal names the one property at fault.
      SettingCheck.apply(
          "keyward.filter.degraded.last-known-good-window",
          () ->
              builder.lastKnownGood(
                  d.getLastKnownGoodWindow(), defaults.getLastKnownGoodMaxEntries()));
      SettingCheck.apply(
          "keyward.filter.degraded.last-known-good-max-entries",
          () -> builder.lastKnownGood(d.getLastKnownGoodWindow(), d.getLastKnownGoodMaxEntries()));
      SettingCheck.apply(
          "keyward.filter.degraded.breaker-failures",
          () -> builder.circuitBreaker(d.getBreakerFailures(), defaults.getBreakerOpenInterval()));
      SettingCheck.apply(
          "keyward.filter.degraded.breaker-open-interval",
          () -> builder.circuitBreaker(d.getBreakerFailures(), d.getBreakerOpenInterval()));
    }

    static Requirement requirement(RouteProperties route) {
      Requirement.Builder r = Requirement.builder();
      if (route.getPermissions() != null && !route.getPermissions().isBlank()) {
        r.permissions(route.getPermissions());
      }
      route.getTags().forEach(r::tag);
      if (route.getCost() != null) {
        r.cost(route.getCost());
      }
      route.getRatelimits().forEach(r::ratelimit);
      return r.build();
    }
  }
}
