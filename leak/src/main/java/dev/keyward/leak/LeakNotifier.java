package dev.keyward.leak;

/**
 * Told after the receiver acted on a leaked key (or failed to): tell the key's owner, page the
 * on-call, open a ticket. Called on the receiver's playbook executor; an exception it throws is
 * logged (its class only) and does not undo anything.
 */
@FunctionalInterface
public interface LeakNotifier {
  /** Does nothing. */
  LeakNotifier NONE = notice -> {};

  /** Handles one notice. */
  void notify(LeakNotice notice);
}
