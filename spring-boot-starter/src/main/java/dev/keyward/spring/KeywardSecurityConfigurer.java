package dev.keyward.spring;

import java.nio.charset.StandardCharsets;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Adds keyward to an application's own {@code SecurityFilterChain}: {@code http.with(new
 * KeywardSecurityConfigurer(), c -> {})}. Verified keys become {@link UnkeyAuthentication}s, and
 * access denied answers are RFC 7807 problems.
 */
public final class KeywardSecurityConfigurer
    extends AbstractHttpConfigurer<KeywardSecurityConfigurer, HttpSecurity> {
  static final byte[] FORBIDDEN =
      ("{\"type\":\"urn:keyward:problem:insufficient-permissions\","
              + "\"title\":\"Forbidden\",\"status\":403,"
              + "\"detail\":\"The API key lacks the permissions this operation requires.\"}")
          .getBytes(StandardCharsets.UTF_8);

  /** Creates the configurer. */
  public KeywardSecurityConfigurer() {}

  @Override
  public void configure(HttpSecurity http) {
    http.addFilterBefore(new VerifiedKeyAuthenticationFilter(), AuthorizationFilter.class);
  }

  @Override
  public void init(HttpSecurity http) {
    http.exceptionHandling(
        e ->
            e.accessDeniedHandler(
                (request, response, denied) -> {
                  response.setStatus(403);
                  response.setContentType("application/problem+json");
                  response.setHeader("Cache-Control", "no-store");
                  response.getOutputStream().write(FORBIDDEN);
                }));
  }
}
