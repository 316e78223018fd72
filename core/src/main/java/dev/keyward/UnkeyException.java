package dev.keyward;

import dev.keyward.permission.Operation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  private transient volatile @Nullable ResponseInfo response;

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

  /**
   * The call's last response (headers without keys, attempts, total time), when the client that
   * threw this attached it; empty for exceptions thrown by fakes or user code.
   */
  public Optional<ResponseInfo> response() {
    return Optional.ofNullable(response);
  }

  /**
   * Attaches the call's response metadata, once (like {@link #initCause}); a client calls it before
   * throwing.
   *
   * @throws IllegalStateException if metadata is already attached
   */
  public void initResponse(ResponseInfo response) {
    Objects.requireNonNull(response, "response == null");
    synchronized (this) {
      if (this.response != null) {
        throw new IllegalStateException("response metadata is already attached");
      }
      this.response = response;
    }
  }

  /** Validation errors, empty unless the server sent them. */
  public List<ValidationError> errors() {
    return problem.errors();
  }
}
