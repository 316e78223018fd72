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
import dev.keyward.model.Pages;
import dev.keyward.model.RatelimitOverride;
import dev.keyward.model.SavedOverride;
import dev.keyward.model.SetOverrideRequest;

/** The {@code ratelimit.*} operations: standalone rate limiting and per-identifier overrides. */
public interface Ratelimits {
  /**
   * {@code ratelimit.limit}: spends tokens; a denial is {@code success == false}, not an exception.
   */
  LimitResult limit(LimitRequest request);

  /** {@code ratelimit.multiLimit}: several checks at once. */
  MultiLimitResult multiLimit(MultiLimitRequest request);

  /** {@code ratelimit.setOverride}: creates or replaces an override. */
  SavedOverride setOverride(SetOverrideRequest request);

  /** {@code ratelimit.getOverride}: reads an override. */
  RatelimitOverride getOverride(GetOverrideRequest request);

  /** {@code ratelimit.listOverrides}: one page of a namespace's overrides. */
  Page<RatelimitOverride> listOverrides(ListOverridesRequest request);

  /** Every override of a namespace, fetched lazily page by page from the request's cursor. */
  default Pages<RatelimitOverride> listOverridesAll(ListOverridesRequest request) {
    return Pages.iterate(c -> listOverrides(c.isPresent() ? request.withCursor(c.get()) : request));
  }

  /** {@code ratelimit.deleteOverride}: deletes an override. */
  Ack deleteOverride(DeleteOverrideRequest request);
}
