package dev.keyward.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Observations for the client and the filter, when Micrometer is on the classpath: the client gets
 * the application's {@link ObservationRegistry} ({@code unkey.client.call}, {@code
 * unkey.client.attempt}: meters and, with a tracing bridge, spans), the filter's outcomes become
 * {@link KeywardObservations}, and the circuit breaker's state a gauge.
 */
@AutoConfiguration(
    before = KeywardAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
// Both: micrometer-core brings micrometer-observation; a nested configuration guarded by
// MeterRegistry alone was registered before the registry and never matched.
@ConditionalOnClass({ObservationRegistry.class, MeterRegistry.class})
public class KeywardMetricsAutoConfiguration {
  /** Creates the auto-configuration. */
  public KeywardMetricsAutoConfiguration() {}

  /** Hands the application's observation registry to the client, if there is one. */
  @Bean
  public UnkeyHttpClientCustomizer keywardClientObservations(
      ObjectProvider<ObservationRegistry> registry) {
    return builder -> registry.ifAvailable(builder::observationRegistry);
  }

  /** The filter's outcomes as observations. */
  @Bean
  @ConditionalOnBean(ObservationRegistry.class)
  @ConditionalOnMissingBean
  public KeywardObservations keywardObservations(ObservationRegistry registry) {
    return new KeywardObservations(registry);
  }

  /** The circuit breaker's state as a gauge, when a {@link MeterRegistry} exists. */
  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnMissingBean
  public KeywardMetrics keywardMetrics(MeterRegistry registry) {
    return new KeywardMetrics(registry);
  }
}
