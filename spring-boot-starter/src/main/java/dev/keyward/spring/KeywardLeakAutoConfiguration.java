package dev.keyward.spring;

import dev.keyward.Unkey;
import dev.keyward.leak.GitHubKeyLookup;
import dev.keyward.leak.GitHubKeySource;
import dev.keyward.leak.GitHubSignatureVerifier;
import dev.keyward.leak.KnownRootKeys;
import dev.keyward.leak.LeakDedupeStore;
import dev.keyward.leak.LeakNotifier;
import dev.keyward.leak.RootKeyLeakResponder;
import dev.keyward.leak.SecretScanningReceiver;
import dev.keyward.servlet.SecretScanningServlet;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * GitHub's secret-scanning endpoint, when {@code keyward.leak.enabled=true} and {@code
 * keyward-leak} is on the class path: a {@link SecretScanningReceiver} over the application's
 * {@link Unkey}, served by a {@link SecretScanningServlet} at {@code keyward.leak.path}, which the
 * API key filter and the starter's security chain let through (GitHub sends no API key and no CSRF
 * token; the signature is the authentication). An application's own {@code SecurityFilterChain}
 * must permit that path and exempt it from CSRF itself. Beans of type {@link LeakNotifier}, {@link
 * KnownRootKeys} with {@link RootKeyLeakResponder}, {@link GitHubKeyLookup} or {@link
 * LeakDedupeStore} replace the defaults.
 */
@AutoConfiguration(after = KeywardAutoConfiguration.class)
@ConditionalOnClass(SecretScanningReceiver.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("keyward.leak.enabled")
@EnableConfigurationProperties(LeakProperties.class)
public class KeywardLeakAutoConfiguration {
  /** Creates the auto-configuration. */
  public KeywardLeakAutoConfiguration() {}

  /** GitHub's public keys from {@code keyward.leak.public-keys-url}, cached for an hour. */
  @Bean
  @ConditionalOnMissingBean
  public GitHubKeyLookup keywardGitHubKeys(LeakProperties properties) {
    GitHubKeySource.Builder b = GitHubKeySource.builder();
    SettingCheck.apply(
        "keyward.leak.public-keys-url", () -> b.url(properties.getPublicKeysUrl().strip()));
    return b.build();
  }

  /** The tokens already handled: in {@code keyward.leak.dedupe-file}, else in memory. */
  @Bean
  @ConditionalOnMissingBean
  public LeakDedupeStore keywardLeakDedupeStore(LeakProperties properties) {
    if (properties.getDedupeFile() == null) {
      return LeakDedupeStore.inMemory();
    }
    try {
      return LeakDedupeStore.file(properties.getDedupeFile());
    } catch (IOException e) {
      throw new IllegalStateException(
          "property keyward.leak.dedupe-file: must be a writable regular file (not a symbolic"
              + " link) that no other process holds ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** The receiver: verifies, classifies and hands live keys to the playbook. */
  @Bean
  @ConditionalOnMissingBean
  public SecretScanningReceiver keywardSecretScanningReceiver(
      Unkey unkey,
      LeakProperties properties,
      GitHubKeyLookup keys,
      LeakDedupeStore store,
      ObjectProvider<LeakNotifier> notifier,
      ObjectProvider<KnownRootKeys> rootKeys,
      ObjectProvider<RootKeyLeakResponder> responder) {
    List<String> prefixes = properties.getApiKeyPrefixes();
    if (prefixes.isEmpty()) {
      throw new IllegalStateException(
          "property keyward.leak.api-key-prefixes: name the prefixes of the API keys you issue"
              + " (e.g. sk_live) when keyward.leak.enabled=true");
    }
    SecretScanningReceiver.Builder b =
        SecretScanningReceiver.builder(unkey, new GitHubSignatureVerifier(keys));
    for (int i = 0; i < prefixes.size(); i++) {
      String prefix = prefixes.get(i);
      SettingCheck.apply(
          "keyward.leak.api-key-prefixes[" + i + "]", () -> b.apiKeyPrefixes(prefix));
    }
    b.apiKeyPrefixes(prefixes.toArray(String[]::new));
    SettingCheck.apply(
        "keyward.leak.api-key-action", () -> b.apiKeyAction(properties.getApiKeyAction()));
    b.dedupeStore(store);
    notifier.ifAvailable(b::notifier);
    KnownRootKeys known = rootKeys.getIfAvailable();
    if (known != null) {
      RootKeyLeakResponder r = responder.getIfAvailable();
      if (r == null) {
        throw new IllegalStateException(
            "a KnownRootKeys bean needs a RootKeyLeakResponder bean for keyward.leak");
      }
      b.rootKeys(known, r);
    }
    return b.build();
  }

  /** Serves the receiver at {@code keyward.leak.path}. */
  @Bean
  public ServletRegistrationBean<SecretScanningServlet> keywardSecretScanningServlet(
      SecretScanningReceiver receiver, LeakProperties properties) {
    String path = LeakEndpointPath.checkPath(properties.getPath());
    ServletRegistrationBean<SecretScanningServlet> registration =
        new ServletRegistrationBean<>(new SecretScanningServlet(receiver), path);
    registration.setName("keywardSecretScanningServlet");
    return registration;
  }
}
