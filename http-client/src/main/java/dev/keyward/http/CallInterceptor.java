package dev.keyward.http;

import dev.keyward.UnkeyException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hooks into each call of an {@link UnkeyHttpClient} and each of its attempts, in the spirit of the
 * AWS SDK's {@code ExecutionInterceptor}. Register on the client ({@link
 * UnkeyHttpClient.Builder#addInterceptor}) or per call ({@link
 * RequestOptions.Builder#addInterceptor}); the client's run first, in order. Hooks run on the
 * calling thread (OkHttp's dispatcher for async calls) and should return quickly.
 *
 * <p>Order: {@code beforeCall}, then per attempt {@code modifyRequestHeaders}, {@code
 * beforeAttempt}, {@code afterAttempt}, then {@code afterCall} (success) or {@code onFailure}.
 * Views are read-only and never hold a plaintext key: the root key is a {@link
 * dev.keyward.key.Secret} (masked {@code toString()}), headers that carry a key are left out.
 *
 * <p>A hook that throws fails that call, never the client: the call ends with an {@link
 * InterceptorException} naming the interceptor's class and the hook, the thrown exception as its
 * cause; the call is not retried. A throw from {@code onFailure} is added as suppressed to the
 * call's own failure, which stays the one thrown.
 */
public interface CallInterceptor {
  /** A call starts, before its first attempt. */
  default void beforeCall(CallView call) {}

  /**
   * The headers to add to an attempt's request. {@code headers} holds what earlier interceptors
   * added (keyward's own headers are not in it); return it, or a changed copy. Names keyward sets
   * itself ({@code Authorization}, {@code User-Agent}, {@code Accept}, {@code Content-Type}, {@code
   * Content-Length}, {@code Host}, {@code Transfer-Encoding}, cookies) may not be returned: doing
   * so fails the call with an {@link InterceptorException}, so that no interceptor can change how a
   * call authenticates or what it claims to be.
   */
  default Map<String, String> modifyRequestHeaders(
      AttemptView attempt, Map<String, String> headers) {
    return headers;
  }

  /** An attempt is about to be sent, with its final headers. */
  default void beforeAttempt(AttemptView attempt) {}

  /**
   * An attempt ended: {@code response} is its response, or null when none arrived (a transport
   * failure); a retry may follow.
   */
  default void afterAttempt(AttemptView attempt, @Nullable ResponseView response) {}

  /** A call succeeded with {@code value} (the typed result; secrets in it are {@code Secret}s). */
  default void afterCall(CallView call, ResponseMetadata response, @Nullable Object value) {}

  /**
   * A call failed with {@code failure}: an {@link UnkeyException} (its {@link
   * ResponseMetadata#of(UnkeyException) metadata} attached) or an {@link InterceptorException}.
   */
  default void onFailure(CallView call, RuntimeException failure) {}
}
