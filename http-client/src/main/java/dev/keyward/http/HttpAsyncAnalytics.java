package dev.keyward.http;

import dev.keyward.AsyncAnalytics;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.model.GetVerificationsRequest;
import dev.keyward.model.VerificationRows;
import dev.keyward.permission.Operation;
import java.util.concurrent.CompletableFuture;

/** {@code analytics.*} over HTTP, asynchronously with OkHttp {@code enqueue}. */
final class HttpAsyncAnalytics implements AsyncAnalytics {
  private final Caller caller;

  HttpAsyncAnalytics(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CompletableFuture<VerificationRows> getVerifications(GetVerificationsRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.ANALYTICS_GET_VERIFICATIONS), request, null);
  }
}
