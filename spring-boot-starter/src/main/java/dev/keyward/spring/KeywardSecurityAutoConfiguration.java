package dev.keyward.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security integration: bean {@code keyward} ({@link UnkeyPermissions}) for
 * {@code @PreAuthorize}, and, when the application defines no {@code SecurityFilterChain}, a
 * stateless chain that lets {@link dev.keyward.servlet.ApiKeyFilter} do the gatekeeping and turns
 * verified keys into {@link UnkeyAuthentication}s.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"
    })
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "keyward.security.enabled", matchIfMissing = true)
public class KeywardSecurityAutoConfiguration {
  /** Creates the auto-configuration. */
  public KeywardSecurityAutoConfiguration() {}

  /** {@code @PreAuthorize("@keyward.has('documents.read')")}. */
  @Bean(name = "keyward")
  @ConditionalOnMissingBean(UnkeyPermissions.class)
  public UnkeyPermissions keyward() {
    return new UnkeyPermissions();
  }

  /** The default chain, only when the application has none of its own. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ConditionalOnDefaultWebSecurity.class)
  @ConditionalOnDefaultWebSecurity
  static class DefaultChain {
    @Bean
    SecurityFilterChain keywardSecurityFilterChain(HttpSecurity http) throws Exception {
      // ApiKeyFilter runs before this chain and refuses requests without a valid key; the chain
      // only carries the authentication into method security. API keys need no CSRF or session.
      http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
          .csrf(c -> c.disable())
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .with(new KeywardSecurityConfigurer(), c -> {});
      return http.build();
    }
  }
}
