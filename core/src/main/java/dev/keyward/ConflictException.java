package dev.keyward;

import dev.keyward.permission.Operation;
import org.jspecify.annotations.Nullable;

/** HTTP 409: the resource already exists. */
public class ConflictException extends UnkeyException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code explanation} is keyward's fixed text. */
  public ConflictException(Operation operation, Problem problem, String explanation) {
    super(operation, problem, explanation);
  }

  /** Creates the exception with a cause. */
  public ConflictException(
      Operation operation, Problem problem, String explanation, @Nullable Throwable cause) {
    super(operation, problem, explanation, cause);
  }
}
