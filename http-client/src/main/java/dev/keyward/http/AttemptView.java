package dev.keyward.http;

import dev.keyward.key.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of one attempt for {@link CallInterceptor}s: its number, the root key it
 * authenticates with (as a masked {@link Secret}) and its request headers without {@code
 * Authorization} or any header carrying a key.
 */
public final class AttemptView {
  private final CallView call;
  private final int attempt;
  private final @Nullable Secret rootKey;
  private final Map<String, List<String>> requestHeaders;

  AttemptView(
      CallView call,
      int attempt,
      @Nullable Secret rootKey,
      Map<String, List<String>> requestHeaders) {
    this.call = call;
    this.attempt = attempt;
    this.rootKey = rootKey;
    this.requestHeaders = requestHeaders;
  }

  /** The call this attempt belongs to. */
  public CallView call() {
    return call;
  }

  /** The attempt's number, from 1. */
  public int attempt() {
    return attempt;
  }

  /** The root key this attempt authenticates with; empty for liveness, which sends none. */
  public Optional<Secret> rootKey() {
    return Optional.ofNullable(rootKey);
  }

  /**
   * The request headers (names lower-cased) without {@code Authorization}, cookies or any value
   * holding a key; empty before the headers are final ({@code modifyRequestHeaders}).
   */
  public Map<String, List<String>> requestHeaders() {
    return requestHeaders;
  }

  AttemptView withHeaders(Map<String, List<String>> headers) {
    return new AttemptView(call, attempt, rootKey, headers);
  }

  /** Call, attempt number, masked root key and header names. */
  @Override
  public String toString() {
    return "AttemptView{"
        + call
        + ", attempt="
        + attempt
        + ", rootKey="
        + rootKey
        + ", headers="
        + requestHeaders.keySet()
        + "}";
  }
}
