package dev.keyward.examples;

import dev.keyward.Unkey;
import dev.keyward.leak.GitHubPublicKeys;
import dev.keyward.leak.GitHubSignatureVerifier;
import dev.keyward.leak.SecretScanningReceiver;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.servlet.SecretScanningServlet;
import dev.keyward.waiters.WaitResult;
import dev.keyward.waiters.Waiters;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The main job's leak drill: GitHub's part is played by a test key pair. It creates an API key,
 * signs a secret-scanning report that contains it, POSTs the report over loopback to a {@link
 * SecretScanningServlet} on embedded Jetty, and waits until the key no longer verifies. Prints key
 * ids and statuses, never the key.
 */
final class LeakDrill {
  static final String PATH = "/github/secret-scanning";
  private static final String KEY_IDENTIFIER = "leak-drill";

  private LeakDrill() {}

  static void run(Unkey unkey, PrintStream out, String run) throws Exception {
    KeyPair github = keyPair();
    GitHubSignatureVerifier verifier =
        new GitHubSignatureVerifier(GitHubPublicKeys.of(KEY_IDENTIFIER, github.getPublic()));
    String apiId = unkey.apis().create(CreateApiRequest.of("keyward-leak-drill-" + run)).apiId();
    CreatedKey leaked =
        unkey
            .keys()
            .create(CreateKeyRequest.builder(apiId).prefix("demo").name("leak drill").build());
    try (SecretScanningReceiver receiver =
        SecretScanningReceiver.builder(unkey, verifier).apiKeyPrefixes("demo").build()) {
      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setIdleTimeout(10_000);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.addServlet(new ServletHolder(new SecretScanningServlet(receiver)), PATH);
      server.setHandler(context);
      server.start();
      try {
        byte[] report =
            ("[{\"token\":\""
                    + leaked.key().reveal()
                    + "\",\"type\":\"demo_api_key\","
                    + "\"url\":\"https://github.com/example/app/blob/main/.env\","
                    + "\"source\":\"content\"}]")
                .getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + PATH);
        long start = System.nanoTime();
        HttpResponse<String> answer =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header(SecretScanningServlet.KEY_IDENTIFIER_HEADER, KEY_IDENTIFIER)
                        .header(SecretScanningServlet.SIGNATURE_HEADER, sign(github, report))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        String label =
            answer.body().contains("\"true_positive\"") ? "true_positive" : "no true_positive";
        out.println(
            "leak drill           -> signed report for key "
                + leaked.keyId()
                + " POSTed to "
                + PATH
                + " on loopback: HTTP "
                + answer.statusCode()
                + ", "
                + label);
        WaitResult dead =
            Waiters.of(unkey)
                .backoff(Duration.ofMillis(50), Duration.ofSeconds(2))
                .awaitRevoked(leaked.key());
        out.println(
            "leak drill           -> key "
                + leaked.keyId()
                + " is dead: verify says "
                + dead.lastState()
                + " ("
                + (System.nanoTime() - start) / 1_000_000
                + " ms after the report)");
      } finally {
        server.stop();
      }
    } finally {
      unkey.apis().delete(apiId);
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static String sign(KeyPair pair, byte[] body) throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update(body);
    return Base64.getEncoder().encodeToString(s.sign());
  }
}
