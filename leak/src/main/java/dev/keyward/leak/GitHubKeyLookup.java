package dev.keyward.leak;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Finds the public key GitHub signed a secret-scanning report with, by its {@code
 * Github-Public-Key-Identifier}. {@link GitHubPublicKeys} is a fixed set; {@link GitHubKeySource}
 * fetches GitHub's document over HTTP and keeps it fresh.
 */
@FunctionalInterface
public interface GitHubKeyLookup {
  /**
   * The P-256 public key named {@code keyIdentifier}, or empty when none is known. Never throws for
   * an unknown or malformed identifier.
   */
  Optional<PublicKey> find(String keyIdentifier);
}
