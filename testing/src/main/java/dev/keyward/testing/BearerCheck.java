package dev.keyward.testing;

import dev.keyward.Problem;
import dev.keyward.key.Secret;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks a request's Authorization header against the workspace's live root keys, before the server
 * reads any of the request's body: an unauthenticated upload costs neither time nor memory.
 */
final class BearerCheck {
  private BearerCheck() {}

  /**
   * Unkey's answer to a missing (400), malformed (400) or unknown (401) bearer; null for a live
   * root key.
   */
  static @Nullable Problem refusal(@Nullable String auth, Workspace ws, String requestId) {
    if (auth == null || auth.isBlank()) {
      return problem(
          ErrorCode.MISSING_AUTHORIZATION,
          "Authorization header is missing, but required. Use the format 'Bearer <ROOT_KEY>'.",
          requestId);
    }
    if (!auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
      return problem(
          ErrorCode.MALFORMED_AUTHORIZATION,
          "Authorization header must use the format 'Bearer <ROOT_KEY>'.",
          requestId);
    }
    Secret rootKey;
    try {
      rootKey = Secret.of(auth.substring(7).trim());
    } catch (IllegalArgumentException e) {
      return problem(ErrorCode.ROOT_KEY_NOT_FOUND, "The provided root key is invalid.", requestId);
    }
    synchronized (ws.lock) {
      StoredRootKey k = ws.rootKeysByHash.get(rootKey.hash());
      if (k != null && k.live(ws.now())) {
        return null;
      }
    }
    return problem(ErrorCode.ROOT_KEY_NOT_FOUND, "The provided root key is invalid.", requestId);
  }

  private static Problem problem(ErrorCode code, String detail, String requestId) {
    return new Problem(code.status(), code.type(), code.title(), detail, requestId, List.of());
  }
}
