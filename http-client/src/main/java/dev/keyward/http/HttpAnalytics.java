package dev.keyward.http;

import dev.keyward.Analytics;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.model.GetVerificationsRequest;
import dev.keyward.model.VerificationRows;
import dev.keyward.permission.Operation;

/** {@code analytics.*} over HTTP. */
final class HttpAnalytics implements Analytics {
  private final Caller caller;

  HttpAnalytics(Caller caller) {
    this.caller = caller;
  }

  @Override
  public VerificationRows getVerifications(GetVerificationsRequest request) {
    return caller.call(WireCodec.codec(Operation.ANALYTICS_GET_VERIFICATIONS), request, null);
  }
}
