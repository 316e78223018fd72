package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code permissions.createRole}: a new role, optionally with permissions. */
public final class CreateRoleRequest {
  private final String name;
  private final @Nullable String description;
  private final List<String> permissions;

  private CreateRoleRequest(Builder b) {
    name = b.name;
    description = b.description;
    permissions = b.permissions;
  }

  /** A role without description or permissions. */
  public static CreateRoleRequest of(String name) {
    return builder(name).build();
  }

  /** Starts a role named {@code name} (1..128 characters). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The role's unique name. */
  public String name() {
    return name;
  }

  /** The description. */
  public @Nullable String description() {
    return description;
  }

  /** Permission slugs to attach (empty: none sent). */
  public List<String> permissions() {
    return permissions;
  }

  @Override
  public String toString() {
    return "CreateRoleRequest{name=" + name + ", permissions=" + permissions.size() + "}";
  }

  /** Builds a {@link CreateRoleRequest}. */
  public static final class Builder {
    private final String name;
    private @Nullable String description;
    private List<String> permissions = List.of();

    Builder(String name) {
      this.name = Constraints.length("name", name, 1, 128);
    }

    /** A description, at most 512 characters. */
    public Builder description(String description) {
      this.description = Constraints.length("description", description, 0, 512);
      return this;
    }

    /** Permission slugs, at most 1000. */
    public Builder permissions(List<String> permissions) {
      this.permissions = Ids.permissionSlugs("permissions", permissions, 0, 1000);
      return this;
    }

    /** Builds the request. */
    public CreateRoleRequest build() {
      return new CreateRoleRequest(this);
    }
  }
}
