package dev.keyward;

import dev.keyward.permission.Operation;
import org.jspecify.annotations.Nullable;

/** HTTP 412: a precondition failed, e.g. a protected API or analytics not configured. */
public class PreconditionFailedException extends UnkeyException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code explanation} is keyward's fixed text. */
  public PreconditionFailedException(Operation operation, Problem problem, String explanation) {
    super(operation, problem, explanation);
  }

  /** Creates the exception with a cause. */
  public PreconditionFailedException(
      Operation operation, Problem problem, String explanation, @Nullable Throwable cause) {
    super(operation, problem, explanation, cause);
  }
}
