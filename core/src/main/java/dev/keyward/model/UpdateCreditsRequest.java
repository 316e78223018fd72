package dev.keyward.model;

import dev.keyward.internal.Constraints;
import org.jspecify.annotations.Nullable;

/**
 * {@code keys.updateCredits}: sets, increments or decrements a key's remaining credits. Only {@code
 * set} is replayable; see {@link #isReplayable()}.
 */
public final class UpdateCreditsRequest {
  /** What to do with {@link #value()}. */
  public enum CreditOperation {
    /** Replace the remaining credits ({@code null} value: unlimited). */
    SET("set"),
    /** Add to the remaining credits. */
    INCREMENT("increment"),
    /** Subtract from the remaining credits (never below zero). */
    DECREMENT("decrement");

    private final String wire;

    CreditOperation(String wire) {
      this.wire = wire;
    }

    /** The value on the wire, e.g. {@code set}. */
    public String wireName() {
      return wire;
    }

    /**
     * Maps a wire value (for servers and fakes decoding a request). The spec marks this enum open,
     * but a request cannot carry an operation this version does not know how to apply.
     *
     * @throws IllegalArgumentException naming the allowed values (not the input) for any other
     *     value
     */
    public static CreditOperation fromWire(String value) {
      for (CreditOperation op : values()) {
        if (op.wire.equals(value)) {
          return op;
        }
      }
      throw new IllegalArgumentException("operation must be one of set, increment, decrement");
    }
  }

  private final String keyId;
  private final CreditOperation operation;
  private final @Nullable Long value;

  private UpdateCreditsRequest(String keyId, CreditOperation operation, @Nullable Long value) {
    this.keyId = Constraints.length("keyId", keyId, 3, 255);
    this.operation = operation;
    this.value = value == null ? null : Constraints.range("value", value, 0, Long.MAX_VALUE);
  }

  /** Sets the remaining credits to {@code value}. */
  public static UpdateCreditsRequest set(String keyId, long value) {
    return new UpdateCreditsRequest(keyId, CreditOperation.SET, value);
  }

  /** Makes the key unlimited: {@code set} with {@code value: null}. */
  public static UpdateCreditsRequest setUnlimited(String keyId) {
    return new UpdateCreditsRequest(keyId, CreditOperation.SET, null);
  }

  /** Adds {@code value} credits. */
  public static UpdateCreditsRequest increment(String keyId, long value) {
    return new UpdateCreditsRequest(keyId, CreditOperation.INCREMENT, value);
  }

  /** Subtracts {@code value} credits. */
  public static UpdateCreditsRequest decrement(String keyId, long value) {
    return new UpdateCreditsRequest(keyId, CreditOperation.DECREMENT, value);
  }

  /** The key to update. */
  public String keyId() {
    return keyId;
  }

  /** The operation. */
  public CreditOperation operation() {
    return operation;
  }

  /** The amount; null only for {@code set} (unlimited), and then sent as JSON {@code null}. */
  public @Nullable Long value() {
    return value;
  }

  /**
   * True only for {@code set}, whose replay converges; increment and decrement are unsafe to
   * repeat.
   */
  public boolean isReplayable() {
    return operation == CreditOperation.SET;
  }

  @Override
  public String toString() {
    return "UpdateCreditsRequest{keyId="
        + keyId
        + ", operation="
        + operation.wireName()
        + ", value="
        + value
        + "}";
  }
}
