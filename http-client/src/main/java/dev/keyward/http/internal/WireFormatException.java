package dev.keyward.http.internal;

/**
 * A JSON document did not match the wire format: malformed, truncated, a required field missing or
 * a field of the wrong type. The message names the field, never its value.
 */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with keyward's fixed text. */
  WireFormatException(String message) {
    super(message);
  }

  /** A response body longer than the client's limit; names the operation and the limit only. */
  public static WireFormatException bodyTooLarge(String operation, long limit) {
    return new WireFormatException(
        "the response body of " + operation + " exceeds maxResponseBytes (" + limit + " bytes)");
  }

  /**
   * Creates the exception, keeping the cause's class but never its message (Moshi echoes values).
   */
  WireFormatException(String message, Throwable cause) {
    super(message + " (" + cause.getClass().getSimpleName() + ")");
  }
}
