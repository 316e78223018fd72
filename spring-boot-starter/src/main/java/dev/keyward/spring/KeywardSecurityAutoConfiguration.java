package dev.keyward.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security integration: bean {@code keyward} ({@link UnkeyPermissions}) for
 * {@code @PreAuthorize}; method security ({@code @EnableMethodSecurity}) unless the application
 * configures its own; an {@link AuthenticationManager} that knows only verified keys, so Spring
 * Boot generates no user and prints no password, unless the application defines its own users
 * (beans or {@code spring.security.user.*}); and, when the application defines no {@code
 * SecurityFilterChain}, a stateless chain that lets {@link dev.keyward.servlet.ApiKeyFilter} do the
 * gatekeeping and turns verified keys into {@link UnkeyAuthentication}s.
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

  /**
   * Stands in for Spring Boot's generated in-memory user (and its logged password): keys are
   * authenticated by the filter, so this manager returns an authenticated {@link
   * UnkeyAuthentication} and refuses anything else.
   */
  @Bean
  @ConditionalOnMissingBean(
      value = {
        AuthenticationManager.class,
        AuthenticationProvider.class,
        UserDetailsService.class,
        AuthenticationManagerResolver.class
      },
      type = "org.springframework.security.oauth2.jwt.JwtDecoder")
  @Conditional(NoUserProperties.class)
  public AuthenticationManager keywardAuthenticationManager() {
    return authentication -> {
      if (authentication instanceof UnkeyAuthentication key && key.isAuthenticated()) {
        return key;
      }
      throw new ProviderNotFoundException(
          "keyward authenticates API keys only; define a UserDetailsService or"
              + " AuthenticationManager bean for other logins");
    };
  }

  /** Neither {@code spring.security.user.name} nor {@code .password} is set. */
  static final class NoUserProperties extends NoneNestedConditions {
    NoUserProperties() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("spring.security.user.name")
    static final class Name {}

    @ConditionalOnProperty("spring.security.user.password")
    static final class Password {}
  }

  /**
   * {@code @EnableMethodSecurity}, so {@code @PreAuthorize} is enforced, unless the application
   * enabled method security itself (every {@code @EnableMethodSecurity} registers an {@code
   * AuthorizationAdvisorProxyFactory}; the legacy annotation a {@code
   * GlobalMethodSecurityConfiguration}), whose settings are then kept.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(
      type = {
        "org.springframework.security.authorization.method.AuthorizationAdvisorProxyFactory",
        "org.springframework.security.config.annotation.method.configuration."
            + "GlobalMethodSecurityConfiguration"
      })
  @EnableMethodSecurity
  static class MethodSecurity {}

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
