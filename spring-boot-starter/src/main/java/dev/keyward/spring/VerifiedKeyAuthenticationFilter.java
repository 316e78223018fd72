package dev.keyward.spring;

import dev.keyward.servlet.VerifiedKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the key {@link dev.keyward.servlet.ApiKeyFilter} verified (request attribute {@link
 * VerifiedKey#ATTRIBUTE}) into an {@link UnkeyAuthentication} in the security context, so
 * {@code @PreAuthorize("hasAuthority('documents.read')")} and {@code @keyward.has(...)} work.
 */
public final class VerifiedKeyAuthenticationFilter extends OncePerRequestFilter {
  private final SecurityContextHolderStrategy strategy =
      SecurityContextHolder.getContextHolderStrategy();

  /** Creates the filter. */
  public VerifiedKeyAuthenticationFilter() {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Object key = request.getAttribute(VerifiedKey.ATTRIBUTE);
    if (key instanceof VerifiedKey) {
      SecurityContext context = strategy.createEmptyContext();
      context.setAuthentication(new UnkeyAuthentication((VerifiedKey) key));
      strategy.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
