package dev.keyward.consumer;

import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.Verification;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of a small API: a request gets in when the API key it carries is valid, and every
 * decision is logged.
 */
public final class ApiGate {
  private static final Logger LOG = LoggerFactory.getLogger(ApiGate.class);

  private final Unkey unkey;

  /** A gate that checks keys with {@code unkey}. */
  public ApiGate(Unkey unkey) {
    this.unkey = Objects.requireNonNull(unkey, "unkey == null");
  }

  /** A gate on the Unkey server named by {@code UNKEY_BASE_URL} and {@code UNKEY_ROOT_KEY}. */
  public static ApiGate fromEnvironment() {
    return new ApiGate(UnkeyHttpClient.fromEnvironment());
  }

  /** True if {@code presentedKey}, the key as the caller sent it, is valid. */
  public boolean admit(String presentedKey) {
    Objects.requireNonNull(presentedKey, "presentedKey == null");
    Verification verification = unkey.keys().verify(presentedKey);
    // Logs the key as sent, the way careless application code does: keeping it out of the log
    // file is the job of keyward-logging's encoder in logback.xml.
    if (verification.valid()) {
      LOG.info("admitted key {} ({})", presentedKey, verification.keyId());
      return true;
    }
    LOG.warn("refused key {}: {}", presentedKey, verification.code());
    return false;
  }
}
