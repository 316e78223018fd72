package dev.keyward;

import dev.keyward.permission.Operation;
import org.jspecify.annotations.Nullable;

/** HTTP 410: the resource was deleted. */
public class GoneException extends UnkeyException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code explanation} is keyward's fixed text. */
  public GoneException(Operation operation, Problem problem, String explanation) {
    super(operation, problem, explanation);
  }

  /** Creates the exception with a cause. */
  public GoneException(
      Operation operation, Problem problem, String explanation, @Nullable Throwable cause) {
    super(operation, problem, explanation, cause);
  }
}
