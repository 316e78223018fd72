package dev.keyward.leak;

import dev.keyward.NotFoundException;
import dev.keyward.Unkey;
import dev.keyward.key.Base58;
import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.Identity;
import dev.keyward.model.KeyInfo;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a reported token is: by its shape first (no network), then by {@code keys.whoami}
 * for an API key of one of our prefixes, or by hash against the {@link KnownRootKeys} for a root
 * key.
 */
final class TokenClassifier {
  /** Fewest base58 characters after the prefix (Unkey's 16 bytes give 21 or 22). */
  private static final int MIN_BODY = 16;

  enum Shape {
    NOT_OURS,
    ROOT_KEY,
    API_KEY
  }

  private final Unkey unkey;
  private final List<String> prefixes;
  private final KnownRootKeys rootKeys;

  TokenClassifier(Unkey unkey, List<String> prefixes, KnownRootKeys rootKeys) {
    this.unkey = unkey;
    this.prefixes = prefixes.stream().map(p -> p + "_").toList();
    this.rootKeys = rootKeys;
  }

  /** The shape alone: a token too long for Unkey, or of another prefix, is not ours. */
  Shape shape(String token) {
    if (token.isEmpty() || token.length() > Secret.MAX_LENGTH) {
      return Shape.NOT_OURS;
    }
    if (KeyFormat.looksLikeRootKey(token)) {
      return Shape.ROOT_KEY;
    }
    for (String head : prefixes) {
      if (token.startsWith(head) && base58Body(token, head.length())) {
        return Shape.API_KEY;
      }
    }
    return Shape.NOT_OURS;
  }

  private static boolean base58Body(String token, int from) {
    if (token.length() - from < MIN_BODY) {
      return false;
    }
    for (int i = from; i < token.length(); i++) {
      if (!Base58.isBase58(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The finding for a live key of ours, or null for a false positive.
   *
   * @throws dev.keyward.UnkeyException if whoami failed other than by "not found" (the token stays
   *     unclassified)
   */
  @Nullable Finding classify(ReportedToken t, String tokenHash) {
    String token = t.token();
    switch (shape(token)) {
      case ROOT_KEY -> {
        Optional<String> keyId = rootKeys.keyIdForHash(KeyFormat.hash(token));
        return keyId
            .map(
                id ->
                    new Finding(
                        new LeakRecord(tokenHash, TokenKind.ROOT_KEY, id, false),
                        null,
                        null,
                        t.url(),
                        t.source(),
                        t.type()))
            .orElse(null);
      }
      case API_KEY -> {
        KeyInfo info;
        try {
          info = unkey.keys().whoami(Secret.of(token));
        } catch (NotFoundException e) {
          return null;
        }
        Identity identity = info.identity();
        return new Finding(
            new LeakRecord(tokenHash, TokenKind.API_KEY, info.keyId(), false),
            identity == null ? null : identity.externalId(),
            identity == null ? null : identity.id(),
            t.url(),
            t.source(),
            t.type());
      }
      default -> {
        return null;
      }
    }
  }
}
