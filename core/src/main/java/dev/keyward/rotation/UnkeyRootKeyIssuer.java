package dev.keyward.rotation;

import dev.keyward.NotFoundException;
import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.RootKeyInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@link RootKeyIssuer} over keyward's {@code rootKeys.*} extension. */
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
    try {
      return Optional.of(unkey.rootKeys().get(keyId));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Matches by {@code start} and accepts only a single match: a 4-character tail can collide. */
  @Override
  public Optional<String> idOf(Secret key) {
    List<String> matches =
        unkey.rootKeys().listAll(ListRootKeysRequest.of()).stream()
            .filter(k -> k.start().equals(key.start()))
            .map(RootKeyInfo::keyId)
            .limit(2)
            .toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  @Override
  public CreatedKey create(String name, List<String> permissions) {
    return unkey.rootKeys().create(CreateRootKeyRequest.builder(permissions).name(name).build());
  }

  @Override
  public List<String> keyIdsNamedWith(String marker) {
    return unkey.rootKeys().listAll(ListRootKeysRequest.of()).stream()
        .filter(k -> k.name() != null && k.name().contains(marker))
        .map(RootKeyInfo::keyId)
        .toList();
  }

  @Override
  public void delete(String keyId) {
    try {
      unkey.rootKeys().delete(keyId);
    } catch (NotFoundException e) {
      // already gone: deleting is what we wanted
    }
  }

  @Override
  public String toString() {
    return "RootKeyIssuer.of(unkey)";
  }
}
