package dev.keyward;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a 400 answer's {@code errors[]}: where the request was wrong, what, and how to fix
 * it.
 */
public final class ValidationError {
  private final String location;
  private final String message;
  private final @Nullable String fix;

  /** Creates a validation error. */
  public ValidationError(String location, String message, @Nullable String fix) {
    this.location = Objects.requireNonNull(location, "location == null");
    this.message = Objects.requireNonNull(message, "message == null");
    this.fix = fix;
  }

  /** The JSON path of the offending field, e.g. {@code body.apiId}. */
  public String location() {
    return location;
  }

  /** The server's description; may echo input. */
  public String message() {
    return message;
  }

  /** The server's suggested fix, if any. */
  public @Nullable String fix() {
    return fix;
  }

  /** Prints the location only: the message may echo input. */
  @Override
  public String toString() {
    return "ValidationError{location=" + location + "}";
  }
}
