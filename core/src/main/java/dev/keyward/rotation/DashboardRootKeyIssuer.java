package dev.keyward.rotation;

import dev.keyward.key.Secret;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.RootKeyInfo;
import java.util.List;
import java.util.Optional;

/**
 * unkey.com: root keys live in the dashboard, so this issuer only says what an operator must do.
 */
final class DashboardRootKeyIssuer implements RootKeyIssuer {
  static final DashboardRootKeyIssuer INSTANCE = new DashboardRootKeyIssuer();

  private DashboardRootKeyIssuer() {}

  @Override
  public boolean automatic() {
    return false;
  }

  @Override
  public Optional<RootKeyInfo> describe(String keyId) {
    return Optional.empty();
  }

  @Override
  public Optional<String> idOf(Secret key) {
    return Optional.empty();
  }

  @Override
  public CreatedKey create(String name, List<String> permissions) {
    throw new UnsupportedOperationException("root keys are created in the unkey.com dashboard");
  }

  @Override
  public List<String> keyIdsNamedWith(String marker) {
    throw new UnsupportedOperationException("root keys are listed in the unkey.com dashboard");
  }

  @Override
  public void delete(String keyId) {
    throw new UnsupportedOperationException("root keys are deleted in the unkey.com dashboard");
  }

  @Override
  public String toString() {
    return "RootKeyIssuer.dashboard()";
  }
}
