package dev.keyward.http.internal;

import dev.keyward.model.Liveness;
import dev.keyward.permission.Operation;

/** {@code GET /v2/liveness}: no request body; answers {@code data.message}. */
public final class LivenessCodec {
  private LivenessCodec() {}

  /** {@code liveness}; its request type is {@link Void} and it has no body. */
  public static final OperationCodec<Void, Liveness> LIVENESS =
      OperationCodec.object(
          Operation.LIVENESS,
          (w, none) -> {},
          body -> null,
          (w, l) -> w.str("message", l.message()),
          (o, id) -> new Liveness(o.str("message"), id),
          Liveness::requestId);
}
