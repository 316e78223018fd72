package dev.keyward.http;

import dev.keyward.permission.Operation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The Micrometer context of one logical call ({@code unkey.client.call}), read by a {@link
 * CallObservationConvention}: operation and target at the start; outcome, status, error type,
 * attempts and request id once the call ended. Never holds a key.
 */
public final class CallObservationContext extends Observation.Context {
  private final CallView call;
  private final ContextKeyValues keys = new ContextKeyValues();
  private String outcome = "UNKNOWN";
  private int status;
  private @Nullable String errorType;
  private int attempts;
  private @Nullable String requestId;
  private boolean ended;

  CallObservationContext(CallView call) {
    this.call = call;
  }

  /** The call (operation, method, url template, server). */
  public CallView call() {
    return call;
  }

  /** The operation called. */
  public Operation operation() {
    return call.operation();
  }

  /**
   * {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code
   * TRANSPORT_ERROR}, {@code INVALID_RESPONSE} (a 2xx keyward could not read), {@code
   * INTERCEPTOR_ERROR}, or {@code UNKNOWN} while the call runs.
   */
  public String outcome() {
    return outcome;
  }

  /** The last HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The failure's class name ({@code dev.keyward.ServerException}, …), null on success. */
  public @Nullable String errorType() {
    return errorType;
  }

  /** The attempts made. */
  public int attempts() {
    return attempts;
  }

  /** The server's (checked) request id, if any. */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * True once the call ended: its outcome, status, error type, attempts and request id are final
   * (Micrometer asks the convention for key values at the start and again at the stop).
   */
  public boolean ended() {
    return ended;
  }

  void end(
      String outcome,
      int status,
      @Nullable String errorType,
      int attempts,
      @Nullable String requestId) {
    this.outcome = outcome;
    this.status = status;
    this.errorType = errorType;
    this.attempts = attempts;
    this.requestId = requestId;
    this.ended = true;
  }

  // Key values live in ContextKeyValues, not in Context's maps: see there.

  @Override
  public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
    keys.addLow(ContextKeyValues.one(keyValue));
    return this;
  }

  @Override
  public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
    keys.addHigh(ContextKeyValues.one(keyValue));
    return this;
  }

  @Override
  public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
    keys.addLow(keyValues);
    return this;
  }

  @Override
  public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
    keys.addHigh(keyValues);
    return this;
  }

  @Override
  public Observation.Context removeLowCardinalityKeyValue(String keyName) {
    keys.removeLow(keyName);
    return this;
  }

  @Override
  public Observation.Context removeHighCardinalityKeyValue(String keyName) {
    keys.removeHigh(keyName);
    return this;
  }

  @Override
  public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
    for (String key : keyNames) {
      keys.removeLow(key);
    }
    return this;
  }

  @Override
  public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
    for (String key : keyNames) {
      keys.removeHigh(key);
    }
    return this;
  }

  @Override
  public KeyValues getAllKeyValues() {
    return keys.low().and(keys.high());
  }

  @Override
  public KeyValues getLowCardinalityKeyValues() {
    return keys.low();
  }

  @Override
  public KeyValues getHighCardinalityKeyValues() {
    return keys.high();
  }

  @Override
  public @Nullable KeyValue getLowCardinalityKeyValue(String key) {
    return ContextKeyValues.find(keys.low(), key);
  }

  @Override
  public @Nullable KeyValue getHighCardinalityKeyValue(String key) {
    return ContextKeyValues.find(keys.high(), key);
  }

  /** The call, the state and the key values; never a key. */
  @Override
  public String toString() {
    return "CallObservationContext{" + call + ", " + outcome + ", " + getAllKeyValues() + "}";
  }
}
