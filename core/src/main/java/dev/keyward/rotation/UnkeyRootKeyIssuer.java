package dev.keyward.rotation;

import dev.keyward.CreatedKey;
import dev.keyward.RootKeyInfo;
import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@link RootKeyIssuer} over {@code rootKeys.*} (placeholder until the port's group lands). */
final class UnkeyRootKeyIssuer implements RootKeyIssuer {
  private final Unkey unkey;

  UnkeyRootKeyIssuer(Unkey unkey) {
    this.unkey = Objects.requireNonNull(unkey, "unkey == null");
  }

  @Override
  public boolean automatic() {
    return true;
  }

  @Override
  public Optional<RootKeyInfo> describe(String keyId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<String> idOf(Secret key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CreatedKey create(String name, List<String> permissions) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<String> keyIdsNamedWith(String marker) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void delete(String keyId) {
    throw new UnsupportedOperationException();
  }
}
