package dev.keyward.vault;

import dev.keyward.key.Secret;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultClient;

/**
 * How a {@link VaultSecretStore} logs in to Vault: with a token it is given, or with AppRole (a
 * {@code role_id} and a {@code secret_id} exchanged for a client token at {@code
 * auth/<mount>/login}, logged in again before that token's lease runs out or when Vault refuses
 * it). {@link #toString()} names the method only, never a credential.
 *
 * <pre>{@code
 * VaultAuth.appRole("db-rotator", Secret.of(System.getenv("VAULT_SECRET_ID")));
 * }</pre>
 */
public final class VaultAuth {
  private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
  private static final Pattern ROLE_ID = Pattern.compile("[\\x21-\\x7e]{1,256}");

  private final @Nullable Secret token;
  private final @Nullable String appRoleMount;
  private final @Nullable String roleId;
  private final @Nullable Secret secretId;

  private VaultAuth(
      @Nullable Secret token,
      @Nullable String appRoleMount,
      @Nullable String roleId,
      @Nullable Secret secretId) {
    this.token = token;
    this.appRoleMount = appRoleMount;
    this.roleId = roleId;
    this.secretId = secretId;
  }

  /** Sends {@code token} as {@code X-Vault-Token}; when Vault refuses it, calls fail. */
  public static VaultAuth token(Secret token) {
    return new VaultAuth(Objects.requireNonNull(token, "token == null"), null, null, null);
  }

  /** AppRole login at the default mount {@code auth/approle}. */
  public static VaultAuth appRole(String roleId, Secret secretId) {
    return appRole("approle", roleId, secretId);
  }

  /**
   * AppRole login at {@code auth/<mount>/login}.
   *
   * @throws IllegalArgumentException naming the rule, never the value, if {@code mount} is not a
   *     path of {@code [A-Za-z0-9_.-]} segments or {@code roleId} is not 1 to 256 visible ASCII
   *     characters
   */
  public static VaultAuth appRole(String mount, String roleId, Secret secretId) {
    Objects.requireNonNull(mount, "mount == null");
    Objects.requireNonNull(roleId, "roleId == null");
    Objects.requireNonNull(secretId, "secretId == null");
    if (!MOUNT.matcher(mount).matches()) {
      throw new IllegalArgumentException("mount must be segments of [A-Za-z0-9_.-] joined by /");
    }
    if (!ROLE_ID.matcher(roleId).matches()) {
      throw new IllegalArgumentException("roleId must be 1 to 256 visible ASCII characters");
    }
    return new VaultAuth(null, mount, roleId, secretId);
  }

  /** Whether logging in again may cure a refused token (AppRole can; a given token cannot). */
  boolean canLogInAgain() {
    return token == null;
  }

  /** Where this logs in, for messages: {@code "token"} or {@code "auth/approle"}. */
  String describe() {
    return token != null ? "token" : "auth/" + appRoleMount;
  }

  /** Spring Vault's login for this method; {@code client} carries no token. */
  ClientAuthentication authentication(VaultClient client) {
    if (token != null) {
      return new TokenAuthentication(token.reveal());
    }
    AppRoleAuthenticationOptions options =
        AppRoleAuthenticationOptions.builder()
            .path(Objects.requireNonNull(appRoleMount))
            .roleId(AppRoleAuthenticationOptions.RoleId.provided(Objects.requireNonNull(roleId)))
            .secretId(
                AppRoleAuthenticationOptions.SecretId.provided(
                    Objects.requireNonNull(secretId).reveal()))
            .build();
    return new AppRoleAuthentication(options, client);
  }

  @Override
  public String toString() {
    return token != null ? "VaultAuth{token=***}" : "VaultAuth{appRole=auth/" + appRoleMount + "}";
  }
}
