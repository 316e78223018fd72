package dev.keyward.spring;

import dev.keyward.servlet.VerifiedKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A Spring Security authentication from a verified API key: the principal is the {@link
 * VerifiedKey}; authorities are the key's permissions (e.g. {@code documents.read}) and its roles
 * as {@code ROLE_<role>}. It holds no credentials: the plaintext key is not kept.
 */
public final class UnkeyAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final transient VerifiedKey key;

  /** An authenticated token for {@code key}. */
  public UnkeyAuthentication(VerifiedKey key) {
    super(authorities(Objects.requireNonNull(key, "key == null")));
    this.key = key;
    setAuthenticated(true);
  }

  static List<GrantedAuthority> authorities(VerifiedKey key) {
    List<GrantedAuthority> out = new ArrayList<>();
    for (String p : key.permissions()) {
      out.add(new SimpleGrantedAuthority(p));
    }
    for (String r : key.roles()) {
      out.add(new SimpleGrantedAuthority("ROLE_" + r));
    }
    return out;
  }

  /** The verified key. */
  public VerifiedKey key() {
    return key;
  }

  @Override
  public VerifiedKey getPrincipal() {
    return key;
  }

  /** Always null: the key is never kept. */
  @Override
  public @Nullable Object getCredentials() {
    return null;
  }

  @Override
  public String getName() {
    return key.keyId();
  }

  @Override
  public Collection<GrantedAuthority> getAuthorities() {
    return super.getAuthorities();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnkeyAuthentication && ((UnkeyAuthentication) o).key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "UnkeyAuthentication{" + key + "}";
  }
}
