package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.method.AuthorizationAdvisorProxyFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * What the starter's security auto-configuration adds to, and leaves out of, an application: method
 * security unless the application enables its own, and no generated user or password.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeywardSecurityDefaultsTest {
  static final String GENERATED = "Using generated security password";

  final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  KeywardSecurityAutoConfiguration.class,
                  SecurityAutoConfiguration.class,
                  ServletWebSecurityAutoConfiguration.class,
                  UserDetailsServiceAutoConfiguration.class));

  @Test
  void methodSecurityIsOnWithoutTheAnnotation() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(AuthorizationAdvisorProxyFactory.class);
          assertThat(context).hasBean("preAuthorizeAuthorizationMethodInterceptor");
        });
  }

  @Test
  void anApplicationsOwnMethodSecurityStartsAndIsKept() {
    runner
        .withUserConfiguration(OwnMethodSecurity.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(AuthorizationAdvisorProxyFactory.class);
              assertThat(context).hasBean("preAuthorizeAuthorizationMethodInterceptor");
            });
    // Its settings win: with pre/post annotations switched off, the starter does not add them.
    runner
        .withUserConfiguration(SecuredOnly.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(AuthorizationAdvisorProxyFactory.class);
              assertThat(context).doesNotHaveBean("preAuthorizeAuthorizationMethodInterceptor");
              assertThat(context).hasBean("securedAuthorizationMethodInterceptor");
            });
  }

  @Test
  void noGeneratedPasswordIsPrinted(CapturedOutput output) {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(AuthenticationManager.class);
          assertThat(context).doesNotHaveBean(UserDetailsService.class);
        });
    assertThat(output.getAll()).doesNotContain(GENERATED);

    // Positive control: without keyward's security, Spring Boot generates and prints one.
    runner
        .withPropertyValues("keyward.security.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(InMemoryUserDetailsManager.class));
    assertThat(output.getAll()).contains(GENERATED);
  }

  @Test
  void configuredUsersAreKept() {
    runner
        .withPropertyValues("spring.security.user.name=admin")
        .run(
            context -> {
              assertThat(context).hasSingleBean(InMemoryUserDetailsManager.class);
              assertThat(context).doesNotHaveBean("keywardAuthenticationManager");
            });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableMethodSecurity
  static class OwnMethodSecurity {}

  @Configuration(proxyBeanMethods = false)
  @EnableMethodSecurity(prePostEnabled = false, securedEnabled = true)
  static class SecuredOnly {}
}
