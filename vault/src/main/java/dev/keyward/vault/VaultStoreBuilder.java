package dev.keyward.vault;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.vault.client.VaultClient;
import org.springframework.vault.client.VaultEndpoint;

/**
 * Configures a {@link VaultSecretStore}; from {@link VaultSecretStore#builder(URI, VaultAuth)}.
 * Spring Vault's {@code VaultClient} runs on the JDK's {@link HttpClient}, so no other HTTP library
 * is needed.
 */
public final class VaultStoreBuilder {
  private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
  private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_.-]+/)*");

  private final URI address;
  private final VaultAuth auth;
  private String mount = "secret";
  private String prefix = "";
  private Clock clock = Clock.systemUTC();

  /** One transport for every store that brings none: its connections and selector are shared. */
  private static final HttpClient SHARED =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private HttpClient httpClient = SHARED;
  private Duration readTimeout = Duration.ofSeconds(30);
  private UnaryOperator<ClientHttpRequestFactory> requests = UnaryOperator.identity();

  VaultStoreBuilder(URI address, VaultAuth auth) {
    this.address = Objects.requireNonNull(address, "address == null");
    this.auth = Objects.requireNonNull(auth, "auth == null");
    String scheme = address.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("address must be an http or https URI");
    }
  }

  /**
   * The path the KV v2 engine is mounted at (default {@code secret}).
   *
   * @throws IllegalArgumentException unless segments of {@code [A-Za-z0-9_.-]} joined by {@code /}
   */
  public VaultStoreBuilder mount(String mount) {
    Objects.requireNonNull(mount, "mount == null");
    if (!MOUNT.matcher(mount).matches()) {
      throw new IllegalArgumentException("mount must be segments of [A-Za-z0-9_.-] joined by /");
    }
    this.mount = mount;
    return this;
  }

  /**
   * Where under the mount the names live, e.g. {@code billing/} (default: the mount's root).
   *
   * @throws IllegalArgumentException unless empty or segments of {@code [A-Za-z0-9_.-]}, each
   *     followed by {@code /}
   */
  public VaultStoreBuilder pathPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "prefix must be empty or segments of [A-Za-z0-9_.-] each followed by /");
    }
    this.prefix = prefix;
    return this;
  }

  /** The clock of lease expiry, AppRole re-login and the provider's interval (default: UTC). */
  public VaultStoreBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  /**
   * The JDK client to send with (its TLS context, proxy, connect timeout); default: one HTTP/1.1
   * client shared by every store built without one.
   */
  public VaultStoreBuilder httpClient(HttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
    return this;
  }

  /** How long one request may wait for Vault's answer (default 30 s). */
  public VaultStoreBuilder readTimeout(Duration readTimeout) {
    Objects.requireNonNull(readTimeout, "readTimeout == null");
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout must be positive");
    }
    this.readTimeout = readTimeout;
    return this;
  }

  /** Wraps the request factory (tests inject crashes between request and answer). */
  VaultStoreBuilder requests(UnaryOperator<ClientHttpRequestFactory> requests) {
    this.requests = Objects.requireNonNull(requests, "requests == null");
    return this;
  }

  /** A new store object with its own client and session; several share the Vault safely. */
  public VaultSecretStore build() {
    JdkClientHttpRequestFactory jdk = new JdkClientHttpRequestFactory(httpClient);
    jdk.setReadTimeout(readTimeout);
    VaultClient client =
        VaultClient.builder()
            .endpoint(VaultEndpoint.from(address))
            .requestFactory(requests.apply(jdk))
            .build();
    Session session = new Session(auth, auth.authentication(client), clock);
    return new VaultSecretStore(new KvClient(client, session, mount), prefix, clock);
  }

  @Override
  public String toString() {
    return "VaultStoreBuilder{mount=" + mount + ", prefix=" + prefix + ", auth=" + auth + "}";
  }
}
