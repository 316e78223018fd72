package dev.keyward.servlet;

import dev.keyward.model.Identity;
import dev.keyward.model.Verification;
import dev.keyward.permission.PermissionQuery;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The key a request was authenticated with, as {@link ApiKeyFilter} verified it. It is the
 * request's {@link jakarta.servlet.http.HttpServletRequest#getUserPrincipal() principal} and its
 * attribute {@link #ATTRIBUTE}. It never holds the plaintext key.
 */
public final class VerifiedKey implements Principal {
  /** The request attribute under which {@link ApiKeyFilter} stores the verified key. */
  public static final String ATTRIBUTE = "dev.keyward.servlet.VerifiedKey";

  private final String keyId;
  private final Verification verification;
  private final Set<String> permissions;
  private final Set<String> roles;

  private VerifiedKey(String keyId, Verification verification) {
    this.keyId = keyId;
    this.verification = verification;
    this.permissions = Set.copyOf(verification.permissions());
    this.roles = Set.copyOf(verification.roles());
  }

  /**
   * Wraps a {@link Verification.Code#VALID} verification.
   *
   * @throws IllegalArgumentException if the verification is not valid
   */
  public static VerifiedKey of(Verification verification) {
    Objects.requireNonNull(verification, "verification == null");
    if (!verification.valid()) {
      throw new IllegalArgumentException("verification must be VALID");
    }
    String id = verification.keyId();
    return new VerifiedKey(id == null ? "" : id, verification);
  }

  /** The key id, e.g. {@code key_123}; the principal's name. */
  public String keyId() {
    return keyId;
  }

  /** Returns {@link #keyId()}. */
  @Override
  public String getName() {
    return keyId;
  }

  /** The external id of the key's identity (your user or organisation id), if it has one. */
  public @Nullable String externalId() {
    Identity identity = verification.identity();
    return identity == null ? null : identity.externalId();
  }

  /** The key's identity, if it has one. */
  public @Nullable Identity identity() {
    return verification.identity();
  }

  /** The key's name, if it has one. */
  public @Nullable String name() {
    return verification.name();
  }

  /** The key's metadata. */
  public Map<String, Object> meta() {
    return verification.meta();
  }

  /** The key's permissions, direct and through roles. */
  public Set<String> permissions() {
    return permissions;
  }

  /** The key's roles. */
  public Set<String> roles() {
    return roles;
  }

  /** Credits left after this request, or null if the key has no credit limit. */
  public @Nullable Long remainingCredits() {
    return verification.credits();
  }

  /** When the key expires, if it does. */
  public @Nullable Instant expires() {
    return verification.expires();
  }

  /** True if the key holds {@code permission}. */
  public boolean hasPermission(String permission) {
    return permissions.contains(Objects.requireNonNull(permission, "permission == null"));
  }

  /** True if the key's permissions satisfy {@code query}, evaluated as Unkey does. */
  public boolean satisfies(PermissionQuery query) {
    return Objects.requireNonNull(query, "query == null").evaluate(permissions);
  }

  /** The full verification result. */
  public Verification verification() {
    return verification;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifiedKey && ((VerifiedKey) o).verification.equals(verification);
  }

  @Override
  public int hashCode() {
    return verification.hashCode();
  }

  @Override
  public String toString() {
    return "VerifiedKey{keyId="
        + keyId
        + ", externalId="
        + externalId()
        + ", permissions="
        + permissions.size()
        + ", roles="
        + roles.size()
        + "}";
  }
}
