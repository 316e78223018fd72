package dev.keyward.vault;

import dev.keyward.rotation.SecretStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.LoginToken;
import org.springframework.vault.authentication.SessionManager;
import org.springframework.vault.support.VaultToken;

/**
 * The client token of one store: logged in on first use, and logged in again (AppRole) once two
 * thirds of its lease have passed by the store's clock, or after Vault refused it. A given token is
 * used as it is.
 */
final class Session implements SessionManager {
  private final VaultAuth auth;
  private final ClientAuthentication login;
  private final Clock clock;
  private @Nullable VaultToken token;
  private @Nullable Instant loginAgainAt;

  Session(VaultAuth auth, ClientAuthentication login, Clock clock) {
    this.auth = auth;
    this.login = login;
    this.clock = clock;
  }

  @Override
  public synchronized VaultToken getSessionToken() {
    VaultToken t = token;
    if (t == null || (loginAgainAt != null && !clock.instant().isBefore(loginAgainAt))) {
      t = logIn();
    }
    return t;
  }

  /** Drops a token Vault refused; returns whether logging in again may help. */
  synchronized boolean invalidate() {
    if (!auth.canLogInAgain()) {
      return false;
    }
    token = null;
    return true;
  }

  private VaultToken logIn() {
    VaultToken t;
    try {
      t = login.login();
    } catch (VaultException e) {
      // Spring's message may quote Vault's answer; keyward's names the login path only
      throw new SecretStoreException(
          SecretStoreException.Reason.PERMISSION_DENIED,
          "Vault refused the login at " + auth.describe() + " (check the role and its secret id)",
          null);
    }
    Duration lease = t instanceof LoginToken lt ? lt.getLeaseDuration() : Duration.ZERO;
    loginAgainAt =
        auth.canLogInAgain() && !lease.isZero() && !lease.isNegative()
            ? clock.instant().plus(lease.multipliedBy(2).dividedBy(3))
            : null;
    token = t;
    return t;
  }

  /** The login method, for messages. */
  String describe() {
    return auth.describe();
  }

  @Override
  public String toString() {
    return "Session{" + auth + "}";
  }
}
