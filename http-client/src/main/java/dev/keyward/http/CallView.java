package dev.keyward.http;

import dev.keyward.permission.Operation;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of one call for {@link CallInterceptor}s: the operation, the wire method and
 * path template, and the typed request (whose keys are {@code Secret}s; {@code toString()} masks
 * them).
 */
public final class CallView {
  private final Operation operation;
  private final @Nullable Object request;
  private final String serverAddress;
  private final int serverPort;

  CallView(Operation operation, @Nullable Object request, String serverAddress, int serverPort) {
    this.operation = operation;
    this.request = request;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
  }

  /** The operation called. */
  public Operation operation() {
    return operation;
  }

  /** {@code GET} (liveness) or {@code POST}. */
  public String method() {
    return operation == Operation.LIVENESS ? "GET" : "POST";
  }

  /** The path template, {@code /v2/<operation>} (no base path). */
  public String urlTemplate() {
    return operation.path();
  }

  /** The host called. */
  public String serverAddress() {
    return serverAddress;
  }

  /** The port called. */
  public int serverPort() {
    return serverPort;
  }

  /**
   * The typed request (e.g. {@code VerifyKeyRequest}), or null for calls without a body; keys in it
   * are {@code Secret}s.
   */
  public @Nullable Object request() {
    return request;
  }

  /** Operation and target; never the request. */
  @Override
  public String toString() {
    return "CallView{" + method() + " " + urlTemplate() + " on " + serverAddress + "}";
  }
}
