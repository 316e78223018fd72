package dev.keyward.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/** The request as the application sees it after verification: the key is its principal. */
final class AuthenticatedRequest extends HttpServletRequestWrapper {
  private final VerifiedKey key;

  AuthenticatedRequest(HttpServletRequest request, VerifiedKey key) {
    super(request);
    this.key = key;
  }

  @Override
  public Principal getUserPrincipal() {
    return key;
  }

  @Override
  public String getRemoteUser() {
    return key.keyId();
  }

  @Override
  public String getAuthType() {
    return "Bearer";
  }

  @Override
  public boolean isUserInRole(String role) {
    return key.roles().contains(role);
  }
}
