package dev.keyward.spring;

import dev.keyward.permission.PermissionQuery;
import dev.keyward.servlet.VerifiedKey;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tests Unkey permission queries in method security, as bean {@code keyward}:
 * {@code @PreAuthorize("@keyward.has('documents.read AND documents.write')")}. It evaluates the
 * query against the permissions Unkey returned for the request's key.
 */
public final class UnkeyPermissions {
  private final ConcurrentHashMap<String, PermissionQuery> parsed = new ConcurrentHashMap<>();

  /** Creates the bean. */
  public UnkeyPermissions() {}

  /**
   * True if the current request's key satisfies {@code query} (Unkey's language).
   *
   * @throws dev.keyward.permission.PermissionQuerySyntaxException if the query is malformed
   */
  public boolean has(String query) {
    Objects.requireNonNull(query, "query == null");
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof VerifiedKey)) {
      return false;
    }
    PermissionQuery q = parsed.computeIfAbsent(query, PermissionQuery::parse);
    return ((VerifiedKey) auth.getPrincipal()).satisfies(q);
  }

  @Override
  public String toString() {
    return "UnkeyPermissions";
  }
}
