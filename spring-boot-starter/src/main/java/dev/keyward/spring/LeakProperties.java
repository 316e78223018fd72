package dev.keyward.spring;

import dev.keyward.leak.ApiKeyAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * GitHub's secret-scanning endpoint under {@code keyward.leak.*}; off by default. Bound only when
 * {@code keyward-leak} is on the class path.
 */
@ConfigurationProperties("keyward.leak")
public class LeakProperties {
  /** The default path of the endpoint. */
  static final String DEFAULT_PATH = "/keyward/secret-scanning";

  /** The default URL of GitHub's secret-scanning public keys. */
  static final String DEFAULT_PUBLIC_KEYS_URL =
      "https://api.github.com/meta/public_keys/secret_scanning";

  /** Whether to take GitHub's secret-scanning reports. */
  private boolean enabled;

  /** Exact path of the endpoint; the API key filter lets it through without a key. */
  private String path = DEFAULT_PATH;

  /** URL of GitHub's public-keys document (fetched about once an hour). */
  private String publicKeysUrl = DEFAULT_PUBLIC_KEYS_URL;

  /** The prefixes of the API keys you issue (sk_live for sk_live_...); required when enabled. */
  private List<String> apiKeyPrefixes = new ArrayList<>();

  /** What happens to a leaked API key: REVOKE, or REROLL with immediate expiry. */
  private ApiKeyAction apiKeyAction = ApiKeyAction.REVOKE;

  /** File remembering the tokens already handled; unset: in memory (forgotten on restart). */
  private @Nullable Path dedupeFile;

  /** Creates the defaults. */
  public LeakProperties() {}

  /** Whether the endpoint is on. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether the endpoint is on. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The endpoint's path. */
  public String getPath() {
    return path;
  }

  /** Sets the endpoint's path. */
  public void setPath(String path) {
    this.path = path;
  }

  /** The public-keys document's URL. */
  public String getPublicKeysUrl() {
    return publicKeysUrl;
  }

  /** Sets the public-keys document's URL. */
  public void setPublicKeysUrl(String publicKeysUrl) {
    this.publicKeysUrl = publicKeysUrl;
  }

  /** The API key prefixes. */
  public List<String> getApiKeyPrefixes() {
    return apiKeyPrefixes;
  }

  /** Sets the API key prefixes. */
  public void setApiKeyPrefixes(List<String> apiKeyPrefixes) {
    this.apiKeyPrefixes = apiKeyPrefixes;
  }

  /** What happens to a leaked API key. */
  public ApiKeyAction getApiKeyAction() {
    return apiKeyAction;
  }

  /** Sets what happens to a leaked API key. */
  public void setApiKeyAction(ApiKeyAction apiKeyAction) {
    this.apiKeyAction = apiKeyAction;
  }

  /** The dedupe file, if any. */
  public @Nullable Path getDedupeFile() {
    return dedupeFile;
  }

  /** Sets the dedupe file. */
  public void setDedupeFile(@Nullable Path dedupeFile) {
    this.dedupeFile = dedupeFile;
  }
}
