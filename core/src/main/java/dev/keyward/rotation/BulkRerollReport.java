package dev.keyward.rotation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a bulk reroll: how many keys were rerolled now or in an earlier run, and which
 * failed and why (key ids and fixed reasons, never a key).
 *
 * @param planId the plan's id
 * @param total keys in the plan
 * @param rerolled keys rerolled by this run
 * @param skipped keys an earlier run had already rerolled
 * @param failed key ids this run could not reroll, with the reason; a re-run retries them
 * @param elapsed wall time of this run, by the plan's clock
 */
public record BulkRerollReport(
    String planId,
    int total,
    int rerolled,
    int skipped,
    Map<String, String> failed,
    Duration elapsed) {
  /** Copies the map. */
  public BulkRerollReport {
    Objects.requireNonNull(planId, "planId == null");
    failed = Map.copyOf(failed);
    Objects.requireNonNull(elapsed, "elapsed == null");
  }

  /** True if every key of the plan has exactly one live successor. */
  public boolean complete() {
    return rerolled + skipped == total;
  }

  /** Ids of failed keys, sorted. */
  public List<String> failedKeyIds() {
    return failed.keySet().stream().sorted().toList();
  }
}
