package dev.keyward;

import dev.keyward.permission.Operation;
import org.jspecify.annotations.Nullable;

/** HTTP 401: the root key is unknown or invalid. */
public class UnauthorizedException extends UnkeyException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code explanation} is keyward's fixed text. */
  public UnauthorizedException(Operation operation, Problem problem, String explanation) {
    super(operation, problem, explanation);
  }

  /** Creates the exception with a cause. */
  public UnauthorizedException(
      Operation operation, Problem problem, String explanation, @Nullable Throwable cause) {
    super(operation, problem, explanation, cause);
  }
}
