package dev.keyward;

import dev.keyward.permission.Operation;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 404: the resource does not exist, or Unkey masks a permission denial as not found (createKey
 * and listKeys do).
 */
public class NotFoundException extends UnkeyException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code explanation} is keyward's fixed text. */
  public NotFoundException(Operation operation, Problem problem, String explanation) {
    super(operation, problem, explanation);
  }

  /** Creates the exception with a cause. */
  public NotFoundException(
      Operation operation, Problem problem, String explanation, @Nullable Throwable cause) {
    super(operation, problem, explanation, cause);
  }
}
