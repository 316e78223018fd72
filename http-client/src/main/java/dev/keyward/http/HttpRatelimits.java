package dev.keyward.http;

import dev.keyward.Ratelimits;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.model.Ack;
import dev.keyward.model.DeleteOverrideRequest;
import dev.keyward.model.GetOverrideRequest;
import dev.keyward.model.LimitRequest;
import dev.keyward.model.LimitResult;
import dev.keyward.model.ListOverridesRequest;
import dev.keyward.model.MultiLimitRequest;
import dev.keyward.model.MultiLimitResult;
import dev.keyward.model.Page;
import dev.keyward.model.RatelimitOverride;
import dev.keyward.model.SavedOverride;
import dev.keyward.model.SetOverrideRequest;
import dev.keyward.permission.Operation;

/** {@code ratelimits.*} over HTTP. */
final class HttpRatelimits implements Ratelimits {
  private final Caller caller;

  HttpRatelimits(Caller caller) {
    this.caller = caller;
  }

  @Override
  public LimitResult limit(LimitRequest request) {
    return caller.call(WireCodec.codec(Operation.RATELIMIT_LIMIT), request, null);
  }

  @Override
  public MultiLimitResult multiLimit(MultiLimitRequest request) {
    return caller.call(WireCodec.codec(Operation.RATELIMIT_MULTI_LIMIT), request, null);
  }

  @Override
  public SavedOverride setOverride(SetOverrideRequest request) {
    return caller.call(WireCodec.codec(Operation.RATELIMIT_SET_OVERRIDE), request, null);
  }

  @Override
  public RatelimitOverride getOverride(GetOverrideRequest request) {
    return caller.call(WireCodec.codec(Operation.RATELIMIT_GET_OVERRIDE), request, null);
  }

  @Override
  public Page<RatelimitOverride> listOverrides(ListOverridesRequest request) {
    return caller.call(WireCodec.codec(Operation.RATELIMIT_LIST_OVERRIDES), request, null);
  }

  @Override
  public Ack deleteOverride(DeleteOverrideRequest request) {
    return caller.call(WireCodec.codec(Operation.RATELIMIT_DELETE_OVERRIDE), request, null);
  }
}
