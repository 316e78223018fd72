package dev.keyward;

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
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous {@code ratelimit.*} operations: standalone rate limiting and per-identifier
 * overrides.
 */
public interface AsyncRatelimits {
  /**
   * {@code ratelimit.limit}: spends tokens; a denial is {@code success == false}, not an exception.
   */
  CompletableFuture<LimitResult> limit(LimitRequest request);

  /** {@code ratelimit.multiLimit}: several checks at once. */
  CompletableFuture<MultiLimitResult> multiLimit(MultiLimitRequest request);

  /** {@code ratelimit.setOverride}: creates or replaces an override. */
  CompletableFuture<SavedOverride> setOverride(SetOverrideRequest request);

  /** {@code ratelimit.getOverride}: reads an override. */
  CompletableFuture<RatelimitOverride> getOverride(GetOverrideRequest request);

  /** {@code ratelimit.listOverrides}: one page of a namespace's overrides. */
  CompletableFuture<Page<RatelimitOverride>> listOverrides(ListOverridesRequest request);

  /** {@code ratelimit.deleteOverride}: deletes an override. */
  CompletableFuture<Ack> deleteOverride(DeleteOverrideRequest request);
}
