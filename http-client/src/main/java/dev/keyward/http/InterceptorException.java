package dev.keyward.http;

import dev.keyward.permission.Operation;
import java.util.Objects;

/**
 * A {@link CallInterceptor} threw (or returned a header it may not set): the call failed without
 * being retried, the client stays usable. The message names the interceptor's class, the hook and
 * the operation; what it threw is the cause (keyward does not repeat its message).
 */
public final class InterceptorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Operation operation;

  /** The class name of the interceptor that threw. */
  private final String interceptor;

  /** The hook that threw, e.g. {@code beforeAttempt}. */
  private final String hook;

  InterceptorException(
      Operation operation, Class<?> interceptor, String hook, String what, Throwable cause) {
    super(
        operation.wireName()
            + ": interceptor "
            + interceptor.getName()
            + " failed in "
            + hook
            + " ("
            + what
            + "); the call was not retried",
        cause);
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.interceptor = interceptor.getName();
    this.hook = hook;
  }

  /** The call's operation. */
  public Operation operation() {
    return operation;
  }

  /** The failing interceptor's class name. */
  public String interceptor() {
    return interceptor;
  }

  /** The hook that failed, e.g. {@code beforeAttempt}. */
  public String hook() {
    return hook;
  }
}
