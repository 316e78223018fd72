package dev.keyward.rotation;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An opaque version of a value in a {@link VersionedSecretStore}: a Kubernetes Secret's {@code
 * resourceVersion}, a Vault KV v2 version number, an AWS Secrets Manager {@code VersionId}, a
 * counter of the {@code .env} store. Only the store that issued a version can interpret it; callers
 * compare versions with {@link #equals(Object)}, keep them (the rotation journal records them) and
 * hand them back. A version never holds a secret's value.
 */
public final class SecretVersion {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:+=-]{1,200}");

  /** The version of a name that holds no value: a compare-and-set that creates the name. */
  public static final SecretVersion ABSENT = new SecretVersion("absent");

  private final String token;

  private SecretVersion(String token) {
    this.token = token;
  }

  /**
   * The version spelled {@code token} by its store: 1 to 200 characters of {@code
   * [A-Za-z0-9_.:+=-]}; {@code "absent"} is {@link #ABSENT}.
   */
  public static SecretVersion of(String token) {
    Objects.requireNonNull(token, "token == null");
    if (!TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("version token must match [A-Za-z0-9_.:+=-]{1,200}");
    }
    return token.equals(ABSENT.token) ? ABSENT : new SecretVersion(token);
  }

  /** The store's spelling of this version, as {@link #of(String)} takes it back. */
  public String token() {
    return token;
  }

  /** Whether this is {@link #ABSENT}. */
  public boolean isAbsent() {
    return this == ABSENT;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SecretVersion v && v.token.equals(token);
  }

  @Override
  public int hashCode() {
    return token.hashCode();
  }

  @Override
  public String toString() {
    return token;
  }
}
