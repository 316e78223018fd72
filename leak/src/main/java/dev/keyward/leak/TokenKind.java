package dev.keyward.leak;

/** What a reported token turned out to be. */
public enum TokenKind {
  /** An API key that {@code keys.whoami} found. */
  API_KEY,
  /** A root key the deployment knows (by its hash). */
  ROOT_KEY
}
