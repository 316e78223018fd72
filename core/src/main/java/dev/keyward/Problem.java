package dev.keyward;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a server answered for a failed call: Unkey's error envelope ({@code error.status}, {@code
 * type}, {@code title}, {@code detail}, {@code errors[]}) and {@code meta.requestId}. {@code
 * toString()} leaves out {@code detail} and the validation messages, which may echo input.
 */
public final class Problem {
  private final int status;
  private final @Nullable String type;
  private final @Nullable String title;
  private final @Nullable String detail;
  private final @Nullable String requestId;
  private final List<ValidationError> errors;

  /** Creates a problem; every text but the status may be absent. */
  public Problem(
      int status,
      @Nullable String type,
      @Nullable String title,
      @Nullable String detail,
      @Nullable String requestId,
      List<ValidationError> errors) {
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.requestId = requestId;
    this.errors = List.copyOf(Objects.requireNonNull(errors, "errors == null"));
  }

  /** A problem with only a status and request id, e.g. for a body that could not be read. */
  public static Problem ofStatus(int status, @Nullable String requestId) {
    return new Problem(status, null, null, null, requestId, List.of());
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The error type URL, e.g. {@code https://unkey.com/docs/errors/unkey/data/key_not_found}. */
  public @Nullable String type() {
    return type;
  }

  /** The last path segment of {@link #type()}, e.g. {@code key_not_found}. */
  public @Nullable String typeSuffix() {
    if (type == null) {
      return null;
    }
    int slash = type.lastIndexOf('/');
    return slash >= 0 ? type.substring(slash + 1) : type;
  }

  /** The server's short title. */
  public @Nullable String title() {
    return title;
  }

  /** The server's explanation; may echo input, so keyward never puts it in a message. */
  public @Nullable String detail() {
    return detail;
  }

  /** The server's request id ({@code meta.requestId}), or null if none was read. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Validation errors of a 400 answer. */
  public List<ValidationError> errors() {
    return errors;
  }

  @Override
  public String toString() {
    return "Problem{status=" + status + ", type=" + typeSuffix() + ", requestId=" + requestId + "}";
  }
}
