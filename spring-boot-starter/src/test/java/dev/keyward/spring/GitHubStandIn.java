package dev.keyward.spring;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.key.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays GitHub: a loopback server for the public-keys document with a test key pair, and signed
 * secret-scanning reports sent to an application.
 */
final class GitHubStandIn implements AutoCloseable {
  static final String KEY_ID = "test-key-1";
  final AtomicInteger documentFetches = new AtomicInteger();
  private final KeyPair pair;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  GitHubStandIn() throws IOException, GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    pair = g.generateKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\\n"
            + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
            + "\\n-----END PUBLIC KEY-----";
    byte[] document =
        ("{\"public_keys\":[{\"key_identifier\":\""
                + KEY_ID
                + "\",\"key\":\""
                + pem
                + "\",\"is_current\":true}]}")
            .getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/meta/public_keys/secret_scanning",
        x -> {
          documentFetches.incrementAndGet();
          x.getResponseHeaders().add("Content-Type", "application/json");
          x.sendResponseHeaders(200, document.length);
          x.getResponseBody().write(document);
          x.close();
        });
    server.start();
  }

  /** The value for {@code keyward.leak.public-keys-url}. */
  String publicKeysUrl() {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/meta/public_keys/secret_scanning";
  }

  static byte[] report(String... tokens) {
    StringBuilder b = new StringBuilder("[");
    for (String t : tokens) {
      b.append(b.length() == 1 ? "" : ",")
          .append("{\"token\":\"")
          .append(t)
          .append("\",\"type\":\"acme_api_key\",\"url\":\"https://github.com/o/r/blob/a/f\",")
          .append("\"source\":\"content\"}");
    }
    return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] report(Secret key) {
    return report(key.reveal());
  }

  String sign(byte[] body) throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update(body);
    return Base64.getEncoder().encodeToString(s.sign());
  }

  /** POSTs {@code body} to {@code port}'s default endpoint with {@code signature}. */
  HttpResponse<String> post(int port, byte[] body, String signature) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/keyward/secret-scanning"))
            .header("Content-Type", "application/json")
            .header("Github-Public-Key-Identifier", KEY_ID)
            .header("Github-Public-Key-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
