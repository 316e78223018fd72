package dev.keyward.canary;

/**
 * One occurrence of a canary in a captured artefact; {@link #toString()} never shows the canary.
 */
record Leak(String artefact, String canary, String needle, int index, String context) {
  @Override
  public String toString() {
    return artefact + ": " + needle + " of " + canary + " at " + index + " in «" + context + "»";
  }
}
