package dev.keyward.leak;

/** GitHub's feedback label for one reported token. */
public enum FeedbackLabel {
  /** The token is a live credential of this deployment (an API key or a known root key). */
  TRUE_POSITIVE("true_positive"),
  /** The token is not a live credential of this deployment. */
  FALSE_POSITIVE("false_positive");

  private final String wire;

  FeedbackLabel(String wire) {
    this.wire = wire;
  }

  /** The literal GitHub expects: {@code true_positive} or {@code false_positive}. */
  public String wire() {
    return wire;
  }
}
