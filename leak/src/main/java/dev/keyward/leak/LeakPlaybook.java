package dev.keyward.leak;

import dev.keyward.NotFoundException;
import dev.keyward.Unkey;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.RerollKeyRequest;
import dev.keyward.rotation.LeakReport;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills leaked keys on an executor, one task per key, never two at once for one token: API keys are
 * deleted or rerolled with expiration 0, root keys go to the deployment's {@code LeakResponse}. A
 * finished key is marked done in the store; a failed one is not, so a redelivery retries it. A task
 * whose key is already done when it starts does nothing (two deliveries may each submit the key).
 */
final class LeakPlaybook {
  private static final Logger log = LoggerFactory.getLogger(LeakPlaybook.class);

  private final Unkey unkey;
  private final ApiKeyAction action;
  private final @Nullable RootKeyLeakResponder responder;
  private final LeakNotifier notifier;
  private final Consumer<String> markDone;
  private final Predicate<String> isDone;
  private final Executor executor;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  LeakPlaybook(
      Unkey unkey,
      ApiKeyAction action,
      @Nullable RootKeyLeakResponder responder,
      LeakNotifier notifier,
      Consumer<String> markDone,
      Predicate<String> isDone,
      Executor executor) {
    this.unkey = unkey;
    this.action = action;
    this.responder = responder;
    this.notifier = notifier;
    this.markDone = markDone;
    this.isDone = isDone;
    this.executor = executor;
  }

  boolean inFlight(String tokenHash) {
    return inFlight.contains(tokenHash);
  }

  void submit(Finding finding) {
    String hash = finding.record().tokenHash();
    if (!inFlight.add(hash)) {
      return;
    }
    try {
      executor.execute(() -> run(finding));
    } catch (RejectedExecutionException e) {
      inFlight.remove(hash);
      log.error(
          "leak playbook rejected key {} (token {}): the executor is shut down or full",
          finding.record().keyId(),
          TokenHashes.shortForm(hash));
    }
  }

  private void run(Finding finding) {
    LeakRecord r = finding.record();
    if (isDone.test(r.tokenHash())) {
      // another delivery's run finished the key between this one's record and its submit
      inFlight.remove(r.tokenHash());
      return;
    }
    LeakNotice notice;
    try {
      notice = act(finding);
      if (notice.outcome() != LeakNotice.Outcome.FAILED) {
        markDone.accept(r.tokenHash());
      }
    } catch (RuntimeException e) {
      log.warn("leak playbook for key {} failed: {}", r.keyId(), e.getClass().getName());
      notice = new LeakNotice(finding, LeakNotice.Outcome.FAILED, null, null);
    } finally {
      inFlight.remove(r.tokenHash());
    }
    log.info("leaked {} {}: {}", r.kind(), r.keyId(), notice.outcome());
    try {
      notifier.notify(notice);
    } catch (RuntimeException e) {
      log.warn("leak notifier failed for key {}: {}", r.keyId(), e.getClass().getName());
    }
  }

  private LeakNotice act(Finding finding) {
    LeakRecord r = finding.record();
    if (r.kind() == TokenKind.ROOT_KEY) {
      if (responder == null) {
        log.error("leaked root key {}: no RootKeyLeakResponder is configured", r.keyId());
        return new LeakNotice(finding, LeakNotice.Outcome.FAILED, null, null);
      }
      LeakReport report = responder.responseFor(r.keyId()).execute();
      return new LeakNotice(finding, LeakNotice.Outcome.ROOT_KEY_RESPONSE_RAN, null, report);
    }
    try {
      if (action == ApiKeyAction.REROLL) {
        CreatedKey successor = unkey.keys().reroll(RerollKeyRequest.of(r.keyId(), Duration.ZERO));
        return new LeakNotice(finding, LeakNotice.Outcome.REROLLED, successor, null);
      }
      unkey.keys().delete(r.keyId());
      return new LeakNotice(finding, LeakNotice.Outcome.REVOKED, null, null);
    } catch (NotFoundException e) {
      return new LeakNotice(finding, LeakNotice.Outcome.ALREADY_GONE, null, null);
    }
  }
}
