package dev.keyward.http;

import dev.keyward.permission.Operation;
import io.micrometer.common.KeyValue;
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
  private final int attempt;
  private @Nullable String errorType;
  private final KeyValue serverAddress;
  private final KeyValue serverPort;

  AttemptObservationContext(CallView call, int attempt, Map<String, String> carrier) {
    super((c, name, value) -> c.put(name, value));
    this.call = call;
    this.attempt = attempt;
    setCarrier(carrier);
    setRemoteServiceName("unkey");
    setRemoteServiceAddress(call.serverAddress() + ":" + call.serverPort());
    serverAddress = KeyValue.of("server.address", call.serverAddress());
    serverPort = KeyValue.of("server.port", Integer.toString(call.serverPort()));
  }

  KeyValue serverAddress() {
    return serverAddress;
  }

  KeyValue serverPort() {
    return serverPort;
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

  void end(int status, @Nullable String errorType) {
    setResponse(status);
    this.errorType = errorType;
  }
}
