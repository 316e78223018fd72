package dev.keyward.http;

import dev.keyward.permission.Operation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Micrometer context of one wire attempt ({@code unkey.client.attempt}), a child of its call's,
 * read by an {@link AttemptObservationConvention}. Its carrier is the map of headers the attempt
 * adds, so a tracing handler propagates its context ({@code traceparent}) to the server. Its
 * response is the HTTP status (0 when none arrived). Never holds a key.
 */
public final class AttemptObservationContext
    extends RequestReplySenderContext<Map<String, String>, Integer> {
  private final CallView call;
  private final ContextKeyValues keys = new ContextKeyValues();
  private final int attempt;
  private final ObservationKeys.Server server;
  private @Nullable String errorType;
  private boolean ended;

  AttemptObservationContext(
      CallView call, int attempt, Map<String, String> carrier, ObservationKeys.Server server) {
    super((c, name, value) -> c.put(name, value));
    this.call = call;
    this.attempt = attempt;
    this.server = server;
    setCarrier(carrier);
    setRemoteServiceName("unkey");
    setRemoteServiceAddress(server.remoteAddress);
  }

  ObservationKeys.Server server() {
    return server;
  }

  /** The call (operation, method, url template, server). */
  public CallView call() {
    return call;
  }

  /** The operation called. */
  public Operation operation() {
    return call.operation();
  }

  /** The attempt's number, from 1. */
  public int attempt() {
    return attempt;
  }

  /** The HTTP status, 0 when no response arrived (or while the attempt runs). */
  public int status() {
    Integer status = getResponse();
    return status == null ? 0 : status;
  }

  /**
   * OpenTelemetry's {@code error.type}: the status code for a 4xx or 5xx, the exception's class
   * name when no response arrived, else null.
   */
  public @Nullable String errorType() {
    return errorType;
  }

  /** True once the attempt ended: its status and error type are final. */
  public boolean ended() {
    return ended;
  }

  void end(int status, @Nullable String errorType) {
    setResponse(status);
    this.errorType = errorType;
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
    return "AttemptObservationContext{"
        + call
        + ", attempt "
        + attempt
        + ", "
        + getAllKeyValues()
        + "}";
  }
}
