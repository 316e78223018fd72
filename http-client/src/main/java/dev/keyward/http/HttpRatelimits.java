package dev.keyward.http;

import dev.keyward.Ack;
import dev.keyward.DeleteOverrideRequest;
import dev.keyward.GetOverrideRequest;
import dev.keyward.LimitRequest;
import dev.keyward.LimitResult;
import dev.keyward.ListOverridesRequest;
import dev.keyward.MultiLimitRequest;
import dev.keyward.MultiLimitResult;
import dev.keyward.Page;
import dev.keyward.RatelimitOverride;
import dev.keyward.Ratelimits;
import dev.keyward.SavedOverride;
import dev.keyward.SetOverrideRequest;
import dev.keyward.http.internal.WireCodec;
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
