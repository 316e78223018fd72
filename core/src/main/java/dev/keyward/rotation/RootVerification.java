package dev.keyward.rotation;

import dev.keyward.key.Secret;
import dev.keyward.model.RootKeyInfo;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The verify step of a {@link RootKeyRotation}: checks (a) an authenticated call, (b) the
 * permissions and (c) the caller's own check of the stored new key, in that order, stopping at the
 * first failure. It journals nothing: {@link RootSteps} records the verdict.
 */
final class RootVerification {
  /** The first check that failed: the step the rollback names and why, never a key. */
  record Failure(String step, String reason) {}

  private final RootKeyRotation rotation;
  private final Storage storage;

  RootVerification(RootKeyRotation rotation, Storage storage) {
    this.rotation = rotation;
    this.storage = storage;
  }

  /** Runs the checks; returns the first failure, or null when the new key verified. */
  @Nullable Failure check(RootPlan plan) throws InterruptedException {
    Optional<Secret> stored =
        plan.staged
            ? new RootStaging(rotation, storage).stagedValue(plan)
            : rotation.store.read(plan.storeName);
    Optional<Secret> previous =
        plan.hadPrevious ? rotation.store.read(plan.backupName()) : Optional.empty();
    String failure = null;
    String failedStep = "verify";
    if (stored.isEmpty()) {
      failure =
          "the store holds no key under "
              + plan.storeName
              + (plan.staged ? " at the staged version " + plan.stagedVersion : "");
    } else if (previous.isPresent() && previous.get().equals(stored.get())) {
      failure = "the store still holds the old key";
    }
    Deadline deadline =
        new Deadline(rotation.clock, rotation.sleeper, rotation.verifier.deadline());
    if (failure == null) {
      failedStep = "verify-authenticated-call";
      storage.checkpoint("verify.a");
      failure = rotation.verifier.authenticates(stored.get(), deadline);
    }
    if (failure == null) {
      failedStep = "verify-permissions";
      storage.checkpoint("verify.b");
      failure = permissionsDiffer(plan, stored.get());
    }
    if (failure == null) {
      failedStep = "verify-caller-check";
      storage.checkpoint("verify.c");
      failure = rotation.verifier.callerCheckPasses(stored.get(), deadline);
    }
    return failure == null ? null : new Failure(failedStep, failure);
  }

  private @Nullable String permissionsDiffer(RootPlan plan, Secret stored) {
    Optional<RootKeyInfo> info = rotation.issuer.describe(plan.newKeyId);
    Set<String> actual;
    if (info.isPresent()) {
      if (!info.get().start().equals(stored.start())) {
        return "the stored key is not " + plan.newKeyId + " (its start differs)";
      }
      actual = new TreeSet<>(info.get().permissions());
    } else {
      actual = new TreeSet<>(plan.confirmedPermissions);
    }
    Set<String> expected = new TreeSet<>(plan.permissions);
    if (actual.equals(expected)) {
      return null;
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    return "the new key's permissions differ: missing " + missing + ", extra " + extra;
  }
}
