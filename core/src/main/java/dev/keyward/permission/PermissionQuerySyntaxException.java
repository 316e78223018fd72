package dev.keyward.permission;

/**
 * A permission query that does not follow Unkey's query grammar. The message names the 0-based
 * position and what was expected there, and quotes at most the offending token, never the input.
 */
public final class PermissionQuerySyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The 0-based character position at which parsing stopped. */
  private final int position;

  /** What the grammar allows at {@link #position}. */
  private final String expected;

  /**
   * Creates the exception.
   *
   * @param message what is wrong; must not contain the whole input
   * @param position the 0-based character position of the problem
   * @param expected what the grammar allows at {@code position}
   */
  public PermissionQuerySyntaxException(String message, int position, String expected) {
    super(message + " (expected " + expected + ")");
    this.position = position;
    this.expected = expected;
  }

  /** The 0-based character position at which the query stopped making sense. */
  public int position() {
    return position;
  }

  /** What the grammar allows at {@link #position()}, e.g. {@code a permission or '('}. */
  public String expected() {
    return expected;
  }
}
