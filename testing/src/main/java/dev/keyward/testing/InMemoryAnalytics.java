package dev.keyward.testing;

import dev.keyward.Analytics;
import dev.keyward.model.GetVerificationsRequest;
import dev.keyward.model.VerificationRows;
import dev.keyward.permission.Operation;

/** {@code analytics.*}: the fake, like a workspace without ClickHouse, answers 412. */
final class InMemoryAnalytics extends Group implements Analytics {
  InMemoryAnalytics(Workspace ws, String rootHash, boolean recorded) {
    super(ws, rootHash, recorded);
  }

  @Override
  public VerificationRows getVerifications(GetVerificationsRequest request) {
    Operation op = Operation.ANALYTICS_GET_VERIFICATIONS;
    String rid = ws.requestId();
    synchronized (ws.lock) {
      principal(op, rid);
    }
    throw ErrorCode.ANALYTICS_NOT_CONFIGURED.exception(
        op, "Analytics is not configured for this workspace.", rid);
  }
}
