package dev.keyward.aws;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A fake of the Secrets Manager JSON 1.1 protocol on loopback ({@code POST /}, {@code X-Amz-Target:
 * secretsmanager.<Action>}), which the official SDK client talks to unchanged. It checks that an
 * {@code AWS4-HMAC-SHA256} Authorization header is present and reads the access key id from it, but
 * does not verify the signature. See {@link SecretsManagerState} for what it models and what not.
 */
public final class FakeSecretsManager implements AutoCloseable {
  /** An access key id whose calls the fake answers with {@code ExpiredTokenException}. */
  static final String EXPIRED_KEY = "AKIAEXPIRED000000000";

  /** An access key id the fake does not know: {@code UnrecognizedClientException}. */
  static final String UNKNOWN_KEY = "AKIAUNKNOWN000000000";

  /** An access key id that may only read: every other action is {@code AccessDeniedException}. */
  static final String READ_ONLY_KEY = "AKIAREADONLY00000000";

  static final String SECRET_ACCESS_KEY = "fake-secret-access-key-never-printed";

  static {
    // without TCP_NODELAY every small answer waits for the client's delayed ACK (~40 ms a call)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  final SecretsManagerState state = new SecretsManagerState();
  private final Set<String> actions = new LinkedHashSet<>();
  private final List<String> missingAuthorization = new ArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);

  private FakeSecretsManager() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake on a free loopback port. */
  public static FakeSecretsManager start() throws IOException {
    return new FakeSecretsManager();
  }

  /** The endpoint to override the client's with. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** An SDK client on this fake with {@code accessKeyId}. */
  public SecretsManagerClient client(String accessKeyId) {
    return client(endpoint(), accessKeyId);
  }

  /**
   * An SDK client on the fake at {@code endpoint}, the lightest HTTP client, static credentials.
   */
  public static SecretsManagerClient client(URI endpoint, String accessKeyId) {
    return SecretsManagerClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** How many versions the secret {@code nameOrArn} ever got. */
  public int versionCount(String nameOrArn) {
    return state.versionCount(nameOrArn);
  }

  /** An SDK client with good credentials. */
  public SecretsManagerClient client() {
    return client("AKIAKEYWARDTEST00000");
  }

  /** The actions ({@code X-Amz-Target} without the prefix) called so far. */
  public synchronized Set<String> actions() {
    return new LinkedHashSet<>(actions);
  }

  /** Requests that came without a SigV4 Authorization header. */
  public synchronized List<String> missingAuthorization() {
    return new ArrayList<>(missingAuthorization);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (!"POST".equals(exchange.getRequestMethod())
          || target == null
          || !target.startsWith("secretsmanager.")
          || type == null
          || !type.startsWith("application/x-amz-json-1.1")) {
        answer(exchange, 400, error("UnknownOperationException", "not a Secrets Manager call"));
        return;
      }
      String action = target.substring("secretsmanager.".length());
      synchronized (this) {
        actions.add(action);
      }
      if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=")) {
        synchronized (this) {
          missingAuthorization.add(action);
        }
        answer(exchange, 400, error("MissingAuthenticationTokenException", "no signature"));
        return;
      }
      String keyId = auth.substring("AWS4-HMAC-SHA256 Credential=".length()).split("/")[0];
      if (keyId.equals(EXPIRED_KEY)) {
        answer(
            exchange,
            400,
            error(
                "ExpiredTokenException", "The security token included in the request is expired"));
        return;
      }
      if (keyId.equals(UNKNOWN_KEY)) {
        answer(
            exchange,
            400,
            error(
                "UnrecognizedClientException",
                "The security token included in the request is invalid."));
        return;
      }
      if (keyId.equals(READ_ONLY_KEY)
          && !action.equals("GetSecretValue")
          && !action.equals("DescribeSecret")) {
        answer(
            exchange,
            400,
            error(
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ro is not authorized to perform:"
                    + " secretsmanager:"
                    + action));
        return;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> request =
          (Map<String, Object>) JSON.fromJson(new String(body, StandardCharsets.UTF_8));
      try {
        answer(exchange, 200, state.apply(action, request == null ? Map.of() : request));
      } catch (SecretsManagerState.AwsError e) {
        answer(exchange, 400, error(e.type, e.getMessage()));
      }
    }
  }

  private static Map<String, Object> error(String type, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__type", type);
    m.put("Message", message);
    return m;
  }

  private static void answer(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = JSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
