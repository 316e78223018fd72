package dev.keyward.servlet;

import dev.keyward.leak.GitHubPublicKeys;
import dev.keyward.leak.GitHubSignatureVerifier;
import dev.keyward.leak.SecretScanningReceiver;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.testing.InMemoryUnkey;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@link SecretScanningServlet} on embedded Jetty at {@code /leaks}, a receiver over an {@link
 * InMemoryUnkey} with one live {@code sk_live} key, and a test key pair standing in for GitHub's.
 */
final class LeakEndpoint implements AutoCloseable {
  static final String KEY_ID = "test-key-1";

  final InMemoryUnkey unkey = InMemoryUnkey.builder().build();
  final String liveKey;
  final AtomicInteger playbookTasks = new AtomicInteger();
  final ExecutorService playbook = Executors.newFixedThreadPool(2);
  final SecretScanningReceiver receiver;
  final int port;
  private final KeyPair pair;
  private final Server server;

  LeakEndpoint(Duration idleTimeout, Duration readBudget) throws Exception {
    String apiId = unkey.apis().create(CreateApiRequest.of("payments")).apiId();
    liveKey =
        unkey
            .keys()
            .create(CreateKeyRequest.builder(apiId).prefix("sk_live").build())
            .key()
            .reveal();
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    pair = g.generateKeyPair();
    receiver =
        SecretScanningReceiver.builder(
                unkey, new GitHubSignatureVerifier(GitHubPublicKeys.of(KEY_ID, pair.getPublic())))
            .apiKeyPrefixes("sk_live")
            .playbookExecutor(
                task -> {
                  playbookTasks.incrementAndGet();
                  playbook.execute(task);
                })
            .build();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setIdleTimeout(idleTimeout.toMillis());
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(
        new ServletHolder(new SecretScanningServlet(receiver, readBudget)), "/leaks");
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  String sign(byte[] body) throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update(body);
    return Base64.getEncoder().encodeToString(s.sign());
  }

  static byte[] report(String token) {
    return ("[{\"token\":\""
            + token
            + "\",\"type\":\"acme_api_key\",\"url\":\"https://github.com/o/r/blob/abc/f.txt\","
            + "\"source\":\"content\"}]")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Waits for the playbook's tasks to finish. */
  void drainPlaybook() throws InterruptedException {
    playbook.shutdown();
    if (!playbook.awaitTermination(10, TimeUnit.SECONDS)) {
      throw new AssertionError("playbook did not finish");
    }
  }

  /** Reads a raw HTTP/1.1 response's status line and body from {@code socket}. */
  static String[] readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(all.split(" ", 3)[1]);
    int split = all.indexOf("\r\n\r\n");
    return new String[] {Integer.toString(status), split < 0 ? "" : all.substring(split + 4)};
  }

  @Override
  public void close() throws Exception {
    server.stop();
    receiver.close();
    playbook.shutdownNow();
  }
}
