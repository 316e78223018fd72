package dev.keyward.key;

/** A key, prefix or encoding that does not follow Unkey's key format. Never quotes the key. */
public final class InvalidKeyFormatException extends IllegalArgumentException {
  /** Creates the exception; {@code message} must not contain the rejected value. */
  public InvalidKeyFormatException(String message) {
    super(message);
  }
}
