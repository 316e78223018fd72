package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import org.jspecify.annotations.Nullable;

/** {@code permissions.createPermission}: a new permission with a name and a unique slug. */
public final class CreatePermissionRequest {
  private final String name;
  private final String slug;
  private final @Nullable String description;

  private CreatePermissionRequest(String name, String slug, @Nullable String description) {
    this.name = name;
    this.slug = slug;
    this.description = description;
  }

  /** A permission without description. */
  public static CreatePermissionRequest of(String name, String slug) {
    return builder(name, slug).build();
  }

  /** Starts a permission named {@code name} (1..512 characters) with {@code slug} (1..128). */
  public static Builder builder(String name, String slug) {
    return new Builder(name, slug);
  }

  /** The human-readable name. */
  public String name() {
    return name;
  }

  /** The slug keys are checked against, e.g. {@code documents.read}. */
  public String slug() {
    return slug;
  }

  /** The description. */
  public @Nullable String description() {
    return description;
  }

  @Override
  public String toString() {
    return "CreatePermissionRequest{name=" + name + ", slug=" + slug + "}";
  }

  /** Builds a {@link CreatePermissionRequest}. */
  public static final class Builder {
    private final String name;
    private final String slug;
    private @Nullable String description;

    Builder(String name, String slug) {
      this.name = Constraints.length("name", name, 1, 512);
      this.slug = Ids.permissionSlug("slug", slug);
    }

    /** A description, at most 512 characters. */
    public Builder description(String description) {
      this.description = Constraints.length("description", description, 0, 512);
      return this;
    }

    /** Builds the request. */
    public CreatePermissionRequest build() {
      return new CreatePermissionRequest(name, slug, description);
    }
  }
}
