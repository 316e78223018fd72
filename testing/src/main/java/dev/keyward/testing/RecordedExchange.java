package dev.keyward.testing;

import java.util.List;
import java.util.Map;

/**
 * One request and its answer as they crossed {@link FakeUnkeyServer}, for checks such as validating
 * traffic against Unkey's spec. Headers and bodies may hold keys: {@code toString()} leaves them
 * out.
 */
public final class RecordedExchange {
  private final String method;
  private final String path;
  private final Map<String, List<String>> requestHeaders;
  private final byte[] requestBody;
  private final int status;
  private final Map<String, List<String>> responseHeaders;
  private final byte[] responseBody;
  private final boolean requestBodyRead;

  RecordedExchange(
      String method,
      String path,
      Map<String, List<String>> requestHeaders,
      byte[] requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      byte[] responseBody) {
    this(method, path, requestHeaders, requestBody, status, responseHeaders, responseBody, true);
  }

  RecordedExchange(
      String method,
      String path,
      Map<String, List<String>> requestHeaders,
      byte[] requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      byte[] responseBody,
      boolean requestBodyRead) {
    this.requestBodyRead = requestBodyRead;
    this.method = method;
    this.path = path;
    this.requestHeaders = Map.copyOf(requestHeaders);
    this.requestBody = requestBody.clone();
    this.status = status;
    this.responseHeaders = Map.copyOf(responseHeaders);
    this.responseBody = responseBody.clone();
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The request path, e.g. {@code /v2/keys.createKey}. */
  public String path() {
    return path;
  }

  /** The request headers (names as received). */
  public Map<String, List<String>> requestHeaders() {
    return requestHeaders;
  }

  /**
   * False when the server answered before reading the request's body (a refused Authorization
   * header, a body over the cap): {@link #requestBody()} is then empty.
   */
  public boolean requestBodyRead() {
    return requestBodyRead;
  }

  /** The request body. */
  public byte[] requestBody() {
    return requestBody.clone();
  }

  /** The answer's status. */
  public int status() {
    return status;
  }

  /** The answer's headers. */
  public Map<String, List<String>> responseHeaders() {
    return responseHeaders;
  }

  /** The answer's full body (even when a fault truncated what was sent). */
  public byte[] responseBody() {
    return responseBody.clone();
  }

  @Override
  public String toString() {
    return "RecordedExchange{" + method + " " + path + " -> " + status + "}";
  }
}
