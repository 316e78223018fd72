package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** {@code ratelimit.deleteOverride}: deletes the override of one identifier in a namespace. */
public final class DeleteOverrideRequest {
  private final String namespace;
  private final String identifier;

  private DeleteOverrideRequest(String namespace, String identifier) {
    this.namespace = namespace;
    this.identifier = identifier;
  }

  /**
   * A request for {@code identifier} (exact, or the override's wildcard pattern) in {@code
   * namespace} (id or name).
   */
  public static DeleteOverrideRequest of(String namespace, String identifier) {
    return new DeleteOverrideRequest(
        Constraints.length("namespace", namespace, 1, 512),
        Constraints.length("identifier", identifier, 1, 512));
  }

  /** The namespace's id or name. */
  public String namespace() {
    return namespace;
  }

  /** The identifier or pattern. */
  public String identifier() {
    return identifier;
  }

  @Override
  public String toString() {
    return "DeleteOverrideRequest{namespace=" + namespace + ", identifier=" + identifier + "}";
  }
}
