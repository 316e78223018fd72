package dev.keyward;

import dev.keyward.permission.Operation;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A call failed: the server answered an error or the transport did. The message holds the
 * operation, status, error type suffix, request id and a fixed explanation, never a body or an
 * input value.
 */
public class UnkeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Operation operation;
  private final transient Problem problem;

  /** Creates an exception for {@code problem}; {@code explanation} is keyward's fixed text. */
  public UnkeyException(Operation operation, Problem problem, String explanation) {
    this(operation, problem, explanation, null);
  }

  /** Creates an exception with a cause. */
  public UnkeyException(
      Operation operation, Problem problem, String explanation, @Nullable Throwable cause) {
    super(message(operation, problem, explanation), cause);
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.problem = Objects.requireNonNull(problem, "problem == null");
  }

  private static String message(Operation operation, Problem problem, String explanation) {
    StringBuilder b = new StringBuilder(operation.wireName());
    if (problem.status() != 0) {
      b.append(": HTTP ").append(problem.status());
    }
    if (problem.typeSuffix() != null) {
      b.append(' ').append(problem.typeSuffix());
    }
    if (problem.requestId() != null) {
      b.append(" (request ").append(problem.requestId()).append(')');
    }
    return b.append(": ").append(explanation).toString();
  }

  /** The operation that failed. */
  public Operation operation() {
    return operation;
  }

  /** The HTTP status, or 0 if no response arrived. */
  public int status() {
    return problem.status();
  }

  /** The error type URL, if the server sent one. */
  public @Nullable String type() {
    return problem.type();
  }

  /** The server's title. */
  public @Nullable String title() {
    return problem.title();
  }

  /** The server's detail (never part of the message: it may echo input). */
  public @Nullable String detail() {
    return problem.detail();
  }

  /** The server's request id, for support. */
  public @Nullable String requestId() {
    return problem.requestId();
  }

  /** Everything the server answered. */
  public Problem problem() {
    return problem;
  }

  /** Validation errors, empty unless the server sent them. */
  public List<ValidationError> errors() {
    return problem.errors();
  }
}
