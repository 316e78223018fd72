package dev.keyward.rotation;

import dev.keyward.NotFoundException;
import dev.keyward.RateLimitedException;
import dev.keyward.TransportException;
import dev.keyward.UnkeyException;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.rotation.JournalRecord.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** One run of a {@link BulkReroll}: recover what a crash left, then reroll the rest in rounds. */
final class BulkRerollRun {
  private static final Duration SKEW = Duration.ofSeconds(5);

  private enum Outcome {
    DONE,
    RETRY,
    RATE_LIMITED,
    AMBIGUOUS,
    FAILED
  }

  private final BulkReroll job;
  private final Storage storage;
  private final AtomicInteger doneNow = new AtomicInteger();
  private final Map<String, String> failed = new ConcurrentHashMap<>();

  /**
   * Per key, the 429 waits this run has spent on its rerolls; bounded by {@code maxRateLimitWait}.
   */
  private final Map<String, Duration> rateLimitWaited = new ConcurrentHashMap<>();

  private final RequestPacer pacer;
  private final RepeatableCalls calls;
  private String planId = "-";
  private int skipped;
  private int total;
  private Instant started = Instant.EPOCH;

  BulkRerollRun(BulkReroll job) {
    this.job = job;
    this.storage = job.journal.storage();
    this.pacer = new RequestPacer(job.clock, job.sleeper, job.pacePermits, job.paceWindow);
    this.calls = new RepeatableCalls(job, storage, pacer, () -> planId);
  }

  BulkRerollReport run() {
    started = job.clock.instant();
    try (RotationJournal.Session session = job.journal.lock("bulk-" + job.apiId, "-")) {
      BulkPlan plan = BulkPlan.fold(session.records());
      if (plan.finished && !job.freshPlan) {
        // a re-run of a finished job: every key already has its successor
        return new BulkRerollReport(
            plan.planId, plan.targets.size(), 0, plan.targets.size(), Map.of(), Duration.ZERO);
      }
      if (!plan.active()) {
        start(session);
        plan = BulkPlan.fold(session.records());
      }
      planId = plan.planId;
      total = plan.targets.size();
      List<String> pending = new ArrayList<>();
      List<BulkPlan.Target> leftovers = new ArrayList<>();
      for (BulkPlan.Target t : plan.targets.values()) {
        switch (t.state) {
          case DONE -> skipped++;
          case PENDING -> pending.add(t.keyId);
          default -> leftovers.add(t);
        }
      }
      pending.addAll(recover(session, plan, leftovers));
      for (int round = 1; !pending.isEmpty(); round++) {
        List<String> ambiguous = reroll(session, pending);
        if (ambiguous.isEmpty()) {
          break;
        }
        List<BulkPlan.Target> lost = new ArrayList<>();
        BulkPlan now = BulkPlan.fold(session.records());
        ambiguous.forEach(id -> lost.add(now.targets.get(id)));
        pending = recover(session, now, lost);
        if (round >= job.maxAttempts) {
          pending.forEach(id -> failed.put(id, "no answer after " + job.maxAttempts + " attempts"));
          break;
        }
      }
      if (skipped + doneNow.get() == total) {
        session.append(record(Type.BULK_DONE, "keys", Integer.toString(total)));
      }
      return new BulkRerollReport(
          planId,
          total,
          doneNow.get(),
          skipped,
          failed,
          Duration.between(started, job.clock.instant()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RotationException(planId, "reroll", "interrupted; run again to continue", e);
    }
  }

  private void start(RotationJournal.Session session) {
    planId = RootKeyRotation.newPlanId(job.clock).replaceFirst("^rot-", "bulk-");
    List<String> entries = new ArrayList<>();
    for (KeyInfo k : calls.listAll(job.listRequest())) {
      if (job.filter.test(k)) {
        entries.add(
            k.keyId()
                + "@"
                + (k.expires() == null ? "-" : Long.toString(k.expires().toEpochMilli())));
      }
    }
    session.append(record(Type.BULK, "api", job.apiId, "grace", job.grace.toString()));
    for (int i = 0; i < entries.size(); i += 200) {
      session.append(
          record(Type.TARGETS, "keys", JournalRecord.joinList(BulkReroll.chunk(entries, i, 200))));
    }
    session.append(record(Type.TARGETS_END, "keys", Integer.toString(entries.size())));
  }

  /** Reroll each key once in parallel; returns the keys whose outcome is unknown. */
  private List<String> reroll(RotationJournal.Session session, List<String> keys)
      throws InterruptedException {
    Queue<String> queue = new ConcurrentLinkedQueue<>(keys);
    Queue<String> ambiguous = new ConcurrentLinkedQueue<>();
    Map<String, Integer> notSent = new ConcurrentHashMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            job.concurrency,
            r -> {
              Thread t = new Thread(r, "keyward-reroll");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < job.concurrency; i++) {
        workers.add(
            pool.submit(
                () -> {
                  for (String key = queue.poll(); key != null; key = queue.poll()) {
                    Outcome o = attempt(session, key);
                    if (o == Outcome.AMBIGUOUS) {
                      ambiguous.add(key);
                    } else if (o == Outcome.RATE_LIMITED) {
                      queue.add(key); // bounded by maxRateLimitWait, not by a count
                    } else if (o == Outcome.RETRY) {
                      if (notSent.merge(key, 1, Integer::sum) > 100) {
                        failed.put(key, "unreachable 100 times");
                      } else {
                        queue.add(key);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> w : workers) {
        try {
          w.get();
        } catch (ExecutionException e) {
          pool.shutdownNow();
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new RotationException(planId, "reroll", "a worker failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new ArrayList<>(ambiguous);
  }

  private Outcome attempt(RotationJournal.Session session, String key) throws InterruptedException {
    pacer.awaitTurn();
    session.append(record(Type.INTENT, "key", key));
    CreatedKey created;
    try {
      storage.checkpoint("bulk.reroll");
      Instant sent = job.clock.instant();
      created = job.unkey.keys().reroll(RerollKeyRequest.of(key, job.grace));
      pacer.sampleLatency(Duration.between(sent, job.clock.instant()));
    } catch (RateLimitedException e) {
      Duration wait = RepeatableCalls.rateLimitWait(e);
      if (rateLimitWaited.merge(key, wait, Duration::plus).compareTo(job.maxRateLimitWait) > 0) {
        rateLimitedTooLong(session, key, "reroll");
        return Outcome.FAILED;
      }
      pacer.pause(wait);
      return Outcome.RATE_LIMITED;
    } catch (TransportException e) {
      return e.outcome() == TransportException.Outcome.NOT_SENT ? Outcome.RETRY : Outcome.AMBIGUOUS;
    } catch (UnkeyException e) {
      if (e.status() >= 500 || e.status() == 408 || e.status() == 499) {
        return Outcome.AMBIGUOUS;
      }
      failed.put(
          key,
          "HTTP "
              + e.status()
              + (e.problem().typeSuffix() == null ? "" : " " + e.problem().typeSuffix()));
      return Outcome.FAILED;
    }
    storage.checkpoint("bulk.rerolled");
    session.append(record(Type.REROLLED, "key", key, "new", created.keyId()));
    try {
      job.onNewKey.accept(key, created);
    } catch (Exception e) {
      try {
        calls.deleteQuietly(created.keyId());
        calls.restoreExpiry(BulkPlan.fold(session.records()).targets.get(key));
      } catch (RateLimitedException limited) {
        rateLimitedTooLong(
            session, key, "deleting the successor the onNewKey callback did not take");
        return Outcome.FAILED;
      }
      session.append(record(Type.RECOVERED, "key", key, "deleted", created.keyId()));
      failed.put(key, "the onNewKey callback failed; its successor was deleted");
      return Outcome.FAILED;
    }
    storage.checkpoint("bulk.delivered");
    session.append(record(Type.DONE, "key", key, "new", created.keyId()));
    failed.remove(key);
    int done = skipped + doneNow.incrementAndGet();
    report(done);
    return Outcome.DONE;
  }

  /**
   * Undoes rerolls whose successor's secret never reached the callback: a journaled successor is
   * deleted; for a lost response the old key's expiry is restored first, then any successor the
   * server made (a key that is no target and no known successor, created since the attempt, with
   * the old key's name, identity and meta) is deleted. Returns the keys to try again.
   */
  private List<String> recover(
      RotationJournal.Session session, BulkPlan plan, List<BulkPlan.Target> lost) {
    List<String> retry = new ArrayList<>();
    List<BulkPlan.Target> unknown = new ArrayList<>();
    for (BulkPlan.Target t : lost) {
      if (t.state == BulkPlan.KeyState.REROLLED) {
        storage.checkpoint("bulk.deleteJournaledSuccessor");
        try {
          calls.deleteQuietly(t.successor);
          calls.restoreExpiry(t);
        } catch (RateLimitedException e) {
          rateLimitedTooLong(session, t.keyId, "recovering a lost answer");
          continue;
        }
        session.append(record(Type.RECOVERED, "key", t.keyId, "deleted", t.successor));
        retry.add(t.keyId);
      } else {
        unknown.add(t);
      }
    }
    if (unknown.isEmpty()) {
      return retry;
    }
    Map<String, KeyInfo> olds = new ConcurrentHashMap<>();
    for (BulkPlan.Target t : unknown) {
      try {
        calls.restoreExpiry(t);
        olds.put(t.keyId, calls.patiently(() -> job.unkey.keys().get(t.keyId)));
      } catch (NotFoundException e) {
        failed.put(t.keyId, "the key no longer exists");
      } catch (RateLimitedException e) {
        rateLimitedTooLong(session, t.keyId, "recovering a lost answer");
      }
    }
    if (olds.isEmpty()) {
      return retry;
    }
    Set<String> exclude = new HashSet<>(plan.targets.keySet());
    exclude.addAll(plan.knownSuccessors);
    List<KeyInfo> all =
        calls.listAll(ListKeysRequest.builder(job.apiId).limit(100).build()).stream()
            .filter(k -> !exclude.contains(k.keyId()))
            .toList();
    for (BulkPlan.Target t : unknown) {
      KeyInfo old = olds.get(t.keyId);
      if (old == null) {
        continue;
      }
      Instant since = Objects.requireNonNull(t.intentAt).minus(SKEW);
      List<String> orphans =
          all.stream()
              .filter(k -> !k.createdAt().isBefore(since) && sameOwner(k, old))
              .map(KeyInfo::keyId)
              .toList();
      for (String id : orphans) {
        storage.checkpoint("bulk.deleteLostSuccessor");
        calls.deleteQuietly(id);
      }
      session.append(
          record(Type.RECOVERED, "key", t.keyId, "deleted", JournalRecord.joinList(orphans)));
      retry.add(t.keyId);
    }
    return retry;
  }

  private static boolean sameOwner(KeyInfo k, KeyInfo old) {
    return Objects.equals(k.name(), old.name())
        && Objects.equals(
            k.identity() == null ? null : k.identity().externalId(),
            old.identity() == null ? null : old.identity().externalId())
        && Objects.equals(k.meta(), old.meta());
  }

  /**
   * Gives up on a key for this run; its journal state stays unfinished, so a re-run recovers and
   * retries it.
   */
  private void rateLimitedTooLong(RotationJournal.Session session, String key, String step) {
    session.append(record(Type.FAILED, "key", key, "reason", "rate-limited"));
    failed.put(
        key,
        step + ": rate limited for longer than " + job.maxRateLimitWait + "; run again to retry");
  }

  private void report(int done) {
    double seconds = Math.max(1e-3, Duration.between(started, job.clock.instant()).toNanos() / 1e9);
    double rate = doneNow.get() / seconds;
    Duration eta = rate > 0 ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
    job.progress.accept(new RerollProgress(done, total, rate, eta));
  }

  private JournalRecord record(Type type, String... namesAndValues) {
    String[] all = new String[namesAndValues.length + 4];
    System.arraycopy(namesAndValues, 0, all, 0, namesAndValues.length);
    all[namesAndValues.length] = "plan";
    all[namesAndValues.length + 1] = planId;
    all[namesAndValues.length + 2] = "at";
    all[namesAndValues.length + 3] = job.clock.instant().toString();
    return JournalRecord.of(type, all);
  }
}
