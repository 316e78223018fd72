package dev.keyward.testing;

/**
 * A state snapshot that cannot be loaded: the message names a JSON path ({@code $.keys[2].hash})
 * and what is wrong with it, never the value found there, which may be a key.
 */
final class InvalidSnapshotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidSnapshotException(String path, String problem) {
    super(path + ": " + problem);
  }
}
