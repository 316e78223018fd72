package dev.keyward.logging;

import java.util.List;

/** Keys that must never reach a log file, and what may be left of them. */
public final class Canaries {
  public static final String ROOT_KEY = "unkey_3Zx9Qm2Lk8PfR7tWvYc4Hn";
  public static final String ROOT_KEY_START = "unkey_3Zx9****";
  public static final String API_KEY = "sk_live_8fKq2RtYwPz3Nv7Hc5Jm";
  public static final String API_KEY_START = "sk_live_8fKq****";
  public static final String TOKEN = "8fKq2RtYwPz3Nv7Hc5JmQQ";

  /** The parts after each start: none of them may appear. */
  public static final List<String> SECRETS =
      List.of("Qm2Lk8PfR7tWvYc4Hn", "2RtYwPz3Nv7Hc5Jm", "2RtYwPz3Nv7Hc5JmQQ");

  private Canaries() {}

  /** An exception whose message, cause and suppressed exception each carry a key. */
  public static Exception failure() {
    Exception cause = new IllegalStateException("cause rejected " + API_KEY);
    Exception failure = new RuntimeException("verify failed for " + ROOT_KEY, cause);
    failure.addSuppressed(new java.io.IOException("suppressed {\"key\":\"" + API_KEY + "\"}"));
    return failure;
  }
}
