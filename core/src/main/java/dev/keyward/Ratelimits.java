package dev.keyward;

/** The {@code ratelimit.*} operations: standalone rate limiting and per-identifier overrides. */
public interface Ratelimits {
  /** {@code ratelimit.limit}: spends tokens; a denial is {@code success == false}, not an exception. */
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
