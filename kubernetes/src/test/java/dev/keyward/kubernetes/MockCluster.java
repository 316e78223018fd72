package dev.keyward.kubernetes;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * fabric8's Kubernetes mock server in CRUD mode on loopback (the real REST protocol, plain HTTP),
 * with every request recorded ({@code METHOD path}) and an optional injected refusal (401/403) for
 * requests matching a predicate. Tests make their own clients with {@link #newClient()}.
 */
public final class MockCluster implements AutoCloseable {
  public static final String NAMESPACE = "billing";
  public static final String SECRET = "unkey";

  private final List<String> requests = new ArrayList<>();
  private volatile Predicate<RecordedRequest> refuse = r -> false;
  private volatile int refusal = 403;
  private final KubernetesMockServer server;
  private final List<KubernetesClient> clients = new ArrayList<>();

  private MockCluster() {
    KubernetesCrudDispatcher dispatcher =
        new KubernetesCrudDispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            synchronized (requests) {
              requests.add(
                  request.getMethod()
                      + " "
                      + request.getPath()
                      + " "
                      + request.getHeader("User-Agent"));
            }
            if (refuse.test(request)) {
              return new MockResponse()
                  .setResponseCode(refusal)
                  .setBody(
                      ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":"
                              + refusal
                              + "}")
                          .getBytes(StandardCharsets.UTF_8));
            }
            return super.dispatch(request);
          }
        };
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
  }

  /** Starts a server holding namespace {@link #NAMESPACE} and an empty Secret {@link #SECRET}. */
  public static MockCluster start() {
    MockCluster c = new MockCluster();
    KubernetesClient admin = c.newClient();
    admin
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    c.createSecret(Map.of("OTHER", "kept"));
    return c;
  }

  /** (Re)creates the Secret {@link #SECRET} with these plain string values. */
  public void createSecret(Map<String, String> values) {
    createSecret(SECRET, values);
  }

  /** (Re)creates the Secret {@code name} with these plain string values. */
  public void createSecret(String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    newClient()
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withData(data)
                .build())
        .createOr(r -> r.update());
  }

  /** The server's base URL, for child JVMs. */
  public String url() {
    return server.url("/");
  }

  /** A new client on this server (closed with the cluster). */
  public KubernetesClient newClient() {
    KubernetesClient client = client(url());
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  /** A client on the server at {@code url}, as a child JVM makes it. */
  public static KubernetesClient client(String url) {
    return client(url, "fabric8-test");
  }

  /** A new client on this server sending {@code userAgent} (its requests can be told apart). */
  public KubernetesClient newClient(String userAgent) {
    KubernetesClient client = client(url(), userAgent);
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  private static KubernetesClient client(String url, String userAgent) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder()
                .withMasterUrl(url)
                .withUserAgent(userAgent)
                .withNamespace(NAMESPACE)
                .withTrustCerts(true)
                .withRequestRetryBackoffLimit(0)
                .build())
        .build();
  }

  /** A store on the Secret through a new client. */
  public KubernetesSecretStore store() {
    return KubernetesSecretStore.of(newClient(), NAMESPACE, SECRET);
  }

  /** The requests so far, as {@code METHOD path user-agent}. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Answers {@code status} (401 or 403) to every request {@code match} accepts. */
  public void refuse(int status, Predicate<RecordedRequest> match) {
    this.refusal = status;
    this.refuse = match;
  }

  @Override
  public void close() {
    synchronized (clients) {
      clients.forEach(KubernetesClient::close);
    }
    server.destroy();
  }
}
