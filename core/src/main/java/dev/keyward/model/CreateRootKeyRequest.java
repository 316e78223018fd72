package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.RootKeyPermissions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code rootKeys.createRootKey} (keyward's extension): a new root key with at least one
 * permission.
 */
public final class CreateRootKeyRequest {
  private final @Nullable String name;
  private final List<String> permissions;

  private CreateRootKeyRequest(@Nullable String name, List<String> permissions) {
    this.name = name;
    this.permissions = permissions;
  }

  /** A root key without a name. */
  public static CreateRootKeyRequest of(List<String> permissions) {
    return builder(permissions).build();
  }

  /** Starts a root key with 1..1000 root permissions, e.g. {@code api.*.create_key}. */
  public static Builder builder(List<String> permissions) {
    return new Builder(permissions);
  }

  /** The root key's name. */
  public @Nullable String name() {
    return name;
  }

  /** Its root permissions. */
  public List<String> permissions() {
    return permissions;
  }

  @Override
  public String toString() {
    return "CreateRootKeyRequest{name=" + name + ", permissions=" + permissions + "}";
  }

  /** Builds a {@link CreateRootKeyRequest}. */
  public static final class Builder {
    private final List<String> permissions;
    private @Nullable String name;

    Builder(List<String> permissions) {
      this.permissions = RootKeyPermissions.check(permissions, 1);
    }

    /** A name, 1..255 characters. */
    public Builder name(String name) {
      this.name = Constraints.length("name", name, 1, 255);
      return this;
    }

    /** Builds the request. */
    public CreateRootKeyRequest build() {
      return new CreateRootKeyRequest(name, permissions);
    }
  }
}
