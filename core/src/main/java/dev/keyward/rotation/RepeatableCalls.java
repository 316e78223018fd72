package dev.keyward.rotation;

import dev.keyward.NotFoundException;
import dev.keyward.RateLimitedException;
import dev.keyward.TransportException;
import dev.keyward.UnkeyException;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.Pages;
import dev.keyward.model.UpdateKeyRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The calls of a {@link BulkRerollRun} whose repetition is harmless (reads, absolute updates,
 * deletes that accept "already gone"): they wait out 429s within {@code maxRateLimitWait} and retry
 * 5xx and lost answers a few times. Rerolls are not among them.
 */
final class RepeatableCalls {
  private final BulkReroll job;
  private final Storage storage;
  private final RequestPacer pacer;

  /** The run's plan id, which the run learns after it starts; named in its exceptions. */
  private final Supplier<String> planId;

  RepeatableCalls(BulkReroll job, Storage storage, RequestPacer pacer, Supplier<String> planId) {
    this.job = job;
    this.storage = storage;
    this.pacer = pacer;
    this.planId = planId;
  }

  void restoreExpiry(BulkPlan.Target t) {
    storage.checkpoint("bulk.restoreExpiry");
    UpdateKeyRequest.Builder update = UpdateKeyRequest.builder(t.keyId);
    if (t.originalExpires == null) {
      update.clearExpires();
    } else {
      update.expires(t.originalExpires);
    }
    try {
      patiently(() -> job.unkey.keys().update(update.build()));
    } catch (NotFoundException e) {
      // the old key is gone; nothing to restore
    }
  }

  void deleteQuietly(String keyId) {
    try {
      patiently(() -> job.unkey.keys().delete(keyId));
    } catch (NotFoundException e) {
      // already gone (perhaps by an earlier attempt whose answer was lost)
    }
  }

  List<KeyInfo> listAll(ListKeysRequest request) {
    try {
      return Pages.iterate(
              c -> {
                try {
                  pacer.awaitTurn();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new RotationException(
                      planId.get(), "list", "interrupted; run again to continue", e);
                }
                return patiently(
                    () ->
                        job.unkey
                            .apis()
                            .listKeys(c.isPresent() ? request.withCursor(c.get()) : request));
              })
          .stream()
          .toList();
    } catch (UnkeyException e) {
      throw new RotationException(planId.get(), "list", "cannot list the API's keys", e);
    }
  }

  /**
   * Runs a call whose repetition is harmless (reads, absolute updates, deletes that accept "already
   * gone"), waiting out 429s for at most {@code maxRateLimitWait} in all (then rethrowing the last)
   * and retrying 5xx and lost answers a few times.
   */
  <T> T patiently(Supplier<T> call) {
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RateLimitedException e) {
        Duration wait = rateLimitWait(e);
        waited = waited.plus(wait);
        if (waited.compareTo(job.maxRateLimitWait) > 0) {
          throw e;
        }
        sleepQuietly(wait);
      } catch (TransportException e) {
        if (attempt >= 10) {
          throw e;
        }
        sleepQuietly(Duration.ofMillis(100L * attempt));
      } catch (UnkeyException e) {
        if (e.status() < 500 || attempt >= 10) {
          throw e;
        }
        sleepQuietly(Duration.ofMillis(100L * attempt));
      }
    }
  }

  private void sleepQuietly(Duration d) {
    try {
      job.sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RotationException(planId.get(), "reroll", "interrupted; run again to continue", e);
    }
  }

  /** A 429's {@code Retry-After} (one second if absent), never less than the minimum wait. */
  static Duration rateLimitWait(RateLimitedException e) {
    Duration wait = e.retryAfter().orElse(Duration.ofSeconds(1));
    return wait.compareTo(BulkReroll.MIN_RATE_LIMIT_WAIT) < 0
        ? BulkReroll.MIN_RATE_LIMIT_WAIT
        : wait;
  }
}
