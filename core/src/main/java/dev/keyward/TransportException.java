package dev.keyward;

import dev.keyward.permission.Operation;
import java.util.Objects;

/**
 * No usable response arrived: connect, DNS, timeout or a reset. {@link #outcome()} says what is
 * known.
 */
public class TransportException extends UnkeyException {
  private static final long serialVersionUID = 1L;

  /** Whether the server may have applied the request. */
  public enum Outcome {
    /** The request provably never left: it was not applied. */
    NOT_SENT,
    /** The request may have reached the server: it may or may not have been applied. */
    UNKNOWN
  }

  /** Whether the server may have applied the request; see {@link #outcome()}. */
  private final Outcome outcome;

  /** Creates the exception. {@code explanation} may name the host, never a key. */
  public TransportException(
      Operation operation, Outcome outcome, String explanation, Throwable cause) {
    super(operation, Problem.ofStatus(0, null), explanation, cause);
    this.outcome = Objects.requireNonNull(outcome, "outcome == null");
  }

  /** Whether the server may have applied the request. */
  public Outcome outcome() {
    return outcome;
  }
}
