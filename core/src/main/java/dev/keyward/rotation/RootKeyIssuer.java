package dev.keyward.rotation;

import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.RootKeyInfo;
import java.util.List;
import java.util.Optional;

/**
 * Creates, describes and deletes root keys for a {@link RootKeyRotation}. {@link #of(Unkey)} calls
 * the server's {@code rootKeys.*} operations; {@link #dashboard()} serves unkey.com, where root
 * keys are made and deleted in the dashboard: the plan then stops at a checkpoint that prints what
 * the operator must do, and resumes when told it is done.
 */
public interface RootKeyIssuer {
  /** An issuer over {@code unkey.rootKeys()} (the workspace-admin key must call it). */
  static RootKeyIssuer of(Unkey unkey) {
    return new UnkeyRootKeyIssuer(unkey);
  }

  /** An issuer for unkey.com: every creation and deletion becomes a printed instruction. */
  static RootKeyIssuer dashboard() {
    return DashboardRootKeyIssuer.INSTANCE;
  }

  /** True if this issuer creates and deletes keys itself; false if an operator does. */
  boolean automatic();

  /** The key's name and permissions as the server reports them; empty if the server cannot tell. */
  Optional<RootKeyInfo> describe(String keyId);

  /** The id of the root key {@code key}, if the server can tell it unambiguously. */
  Optional<String> idOf(Secret key);

  /** Creates a root key (automatic issuers only). */
  CreatedKey create(String name, List<String> permissions);

  /** Ids of root keys whose name contains {@code marker} (automatic issuers only). */
  List<String> keyIdsNamedWith(String marker);

  /** Deletes a root key; a key that is already gone is not an error (automatic issuers only). */
  void delete(String keyId);
}
