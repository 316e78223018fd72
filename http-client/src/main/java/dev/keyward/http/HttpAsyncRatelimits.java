package dev.keyward.http;

import dev.keyward.AsyncRatelimits;
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
import java.util.concurrent.CompletableFuture;

/** {@code ratelimits.*} over HTTP, asynchronously with OkHttp {@code enqueue}. */
final class HttpAsyncRatelimits implements AsyncRatelimits {
  private final Caller caller;

  HttpAsyncRatelimits(Caller caller) {
    this.caller = caller;
  }

  @Override
  public CompletableFuture<LimitResult> limit(LimitRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.RATELIMIT_LIMIT), request, null);
  }

  @Override
  public CompletableFuture<MultiLimitResult> multiLimit(MultiLimitRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.RATELIMIT_MULTI_LIMIT), request, null);
  }

  @Override
  public CompletableFuture<SavedOverride> setOverride(SetOverrideRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.RATELIMIT_SET_OVERRIDE), request, null);
  }

  @Override
  public CompletableFuture<RatelimitOverride> getOverride(GetOverrideRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.RATELIMIT_GET_OVERRIDE), request, null);
  }

  @Override
  public CompletableFuture<Page<RatelimitOverride>> listOverrides(ListOverridesRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.RATELIMIT_LIST_OVERRIDES), request, null);
  }

  @Override
  public CompletableFuture<Ack> deleteOverride(DeleteOverrideRequest request) {
    return caller.callAsync(WireCodec.codec(Operation.RATELIMIT_DELETE_OVERRIDE), request, null);
  }
}
