package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import dev.keyward.internal.RootKeyPermissions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code rootKeys.updateRootKey} (keyward's extension): renames a root key and/or replaces its
 * permissions.
 */
public final class UpdateRootKeyRequest {
  private final String keyId;
  private final @Nullable String name;
  private final @Nullable List<String> permissions;

  private UpdateRootKeyRequest(Builder b) {
    keyId = b.keyId;
    name = b.name;
    permissions = b.permissions;
  }

  /** Starts an update of {@code keyId}. */
  public static Builder builder(String keyId) {
    return new Builder(keyId);
  }

  /** The root key's id. */
  public String keyId() {
    return keyId;
  }

  /** The new name, or null to leave it unchanged. */
  public @Nullable String name() {
    return name;
  }

  /** The replacement permissions, or null to leave them unchanged. */
  public @Nullable List<String> permissions() {
    return permissions;
  }

  @Override
  public String toString() {
    return "UpdateRootKeyRequest{keyId="
        + keyId
        + ", name="
        + name
        + ", permissions="
        + permissions
        + "}";
  }

  /** Builds an {@link UpdateRootKeyRequest}. */
  public static final class Builder {
    private final String keyId;
    private @Nullable String name;
    private @Nullable List<String> permissions;

    Builder(String keyId) {
      this.keyId = Ids.keyId(keyId);
    }

    /** A new name, 1..255 characters. */
    public Builder name(String name) {
      this.name = Constraints.length("name", name, 1, 255);
      return this;
    }

    /** Replaces the permissions: 1..1000 root permissions. */
    public Builder permissions(List<String> permissions) {
      this.permissions = RootKeyPermissions.check(permissions, 1);
      return this;
    }

    /** Builds the request. */
    public UpdateRootKeyRequest build() {
      return new UpdateRootKeyRequest(this);
    }
  }
}
