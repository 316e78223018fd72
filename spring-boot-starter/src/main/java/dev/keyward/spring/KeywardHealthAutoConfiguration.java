package dev.keyward.spring;

import dev.keyward.Unkey;
import dev.keyward.servlet.CircuitState;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code unkey} health indicator ({@code management.health.unkey.enabled}). */
@AutoConfiguration(after = KeywardAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class KeywardHealthAutoConfiguration {
  /** Creates the auto-configuration. */
  public KeywardHealthAutoConfiguration() {}

  /**
   * The indicator, named {@code unkey}; with the API key filter, it shows the filter's circuit
   * breaker state too.
   */
  @Bean(name = "unkeyHealthIndicator")
  @ConditionalOnBean(Unkey.class)
  @ConditionalOnMissingBean(UnkeyHealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("unkey")
  public UnkeyHealthIndicator unkeyHealthIndicator(
      Unkey unkey, ObjectProvider<Supplier<CircuitState>> circuit) {
    return new UnkeyHealthIndicator(
        unkey,
        () -> {
          Supplier<CircuitState> state = circuit.getIfAvailable();
          return state == null ? null : state.get();
        });
  }
}
