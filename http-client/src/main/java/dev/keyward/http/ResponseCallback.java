package dev.keyward.http;

import dev.keyward.UnkeyException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link RequestOptions.Builder#onResponse} as the last interceptor of a call. */
final class ResponseCallback implements CallInterceptor {
  private final Consumer<ResponseMetadata> consumer;

  ResponseCallback(Consumer<ResponseMetadata> consumer) {
    this.consumer = consumer;
  }

  Class<?> consumerClass() {
    return consumer.getClass();
  }

  @Override
  public void afterCall(CallView call, ResponseMetadata response, @Nullable Object value) {
    consumer.accept(response);
  }

  @Override
  public void onFailure(CallView call, RuntimeException failure) {
    if (failure instanceof UnkeyException u) {
      ResponseMetadata.of(u).ifPresent(consumer);
    }
  }
}
