package dev.keyward.leak;

/** What the receiver does to a leaked API key. */
public enum ApiKeyAction {
  /** {@code keys.deleteKey}: the key stops working at once; the owner asks for a new one. */
  REVOKE,
  /**
   * {@code keys.rerollKey} with expiration 0: the old key stops working at once and a successor
   * with the same configuration is issued; the {@link LeakNotifier} receives it to deliver.
   */
  REROLL
}
