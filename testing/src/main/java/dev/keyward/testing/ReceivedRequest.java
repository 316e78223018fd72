package dev.keyward.testing;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request as {@link HostileServer} received it. Headers and body may hold keys: {@code
 * toString()} leaves them out.
 */
public final class ReceivedRequest {
  private final String method;
  private final String target;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final long bodySize;

  ReceivedRequest(
      String method, String target, Map<String, List<String>> headers, byte[] body, long size) {
    this.method = method;
    this.target = target;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body.clone();
    this.bodySize = size;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The request target as sent, e.g. {@code /v2/keys.verifyKey}. */
  public String target() {
    return target;
  }

  /** The headers, looked up in any case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name} (any case), or null. */
  public @Nullable String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The body's first {@link HostileServer#MAX_RECORDED_BODY} bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** The body's first bytes as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body's full length, including bytes past what was kept. */
  public long bodySize() {
    return bodySize;
  }

  @Override
  public String toString() {
    return "ReceivedRequest{" + method + " " + target + ", " + bodySize + " body bytes}";
  }
}
