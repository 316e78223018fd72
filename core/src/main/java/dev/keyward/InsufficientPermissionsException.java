package dev.keyward;

import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** HTTP 403: the root key lacks permissions; {@link #missing()} says which would be enough. */
public class InsufficientPermissionsException extends ForbiddenException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable PermissionQuery missing;

  /**
   * Creates the exception; {@code missing} is what the server named, or keyward's operation table.
   */
  public InsufficientPermissionsException(
      Operation operation, Problem problem, String explanation, @Nullable PermissionQuery missing) {
    super(operation, problem, explanation);
    this.missing = missing;
  }

  /** The permissions that would have allowed the call, when known. */
  public Optional<PermissionQuery> missing() {
    return Optional.ofNullable(missing);
  }

  /** Convenience for tests and fakes: the missing permissions, failing if unknown. */
  public PermissionQuery requireMissing() {
    return Objects.requireNonNull(missing, "missing permissions unknown");
  }
}
