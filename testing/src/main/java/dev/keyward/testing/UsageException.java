package dev.keyward.testing;

/**
 * A command line the standalone server cannot run: the message names the flag and what it allows,
 * never the value given (which may be a key). Exit status 2.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
