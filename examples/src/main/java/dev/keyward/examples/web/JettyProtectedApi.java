package dev.keyward.examples.web;

import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.servlet.Requirement;
import dev.keyward.servlet.VerifiedKey;
import dev.keyward.testing.FakeUnkeyServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A plain servlet API on embedded Jetty 12 protected by {@link ApiKeyFilter}, verifying keys
 * against a local {@link FakeUnkeyServer}. It calls itself with a key, without one, and with a key
 * lacking the route's permission, prints the statuses, and exits.
 */
public final class JettyProtectedApi {
  private JettyProtectedApi() {}

  /** Runs the demo. */
  public static void main(String[] args) throws Exception {
    try (FakeUnkeyServer unkeyServer = FakeUnkeyServer.start()) {
      String apiId = unkeyServer.unkey().apis().create(CreateApiRequest.of("documents")).apiId();
      Secret reader =
          unkeyServer
              .unkey()
              .keys()
              .create(
                  CreateKeyRequest.builder(apiId)
                      .prefix("sk")
                      .externalId("user_7")
                      .permissions(List.of("documents.read"))
                      .build())
              .key();
      Secret nobody =
          unkeyServer
              .unkey()
              .keys()
              .create(CreateKeyRequest.builder(apiId).prefix("sk").build())
              .key();

      // Protect your API: verify every request's key through Unkey; /documents/* needs
      // documents.read.
      UnkeyHttpClient unkey =
          UnkeyHttpClient.builder()
              .baseUrl(unkeyServer.url())
              .rootKey(unkeyServer.bootstrapKey())
              .build();
      ApiKeyFilter filter =
          ApiKeyFilter.builder(unkey)
              .route("/documents/*", Requirement.permissions("documents.read"))
              .exclude("/health")
              .build();

      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
      context.addServlet(new ServletHolder(new Documents()), "/*");
      server.setHandler(context);
      server.start();
      try {
        URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        HttpClient http = HttpClient.newHttpClient();
        call(http, base, "with documents.read", reader);
        call(http, base, "without permission", nobody);
        call(http, base, "without a key", null);
      } finally {
        server.stop();
      }
    }
  }

  private static void call(HttpClient http, URI base, String label, Secret key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/documents/1"));
    if (key != null) {
      b.header("Authorization", "Bearer " + key.reveal());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("GET /documents/1 " + label + ": " + r.statusCode() + " " + r.body());
  }

  /** Reads the verified key the filter attached to the request. */
  static final class Documents extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      VerifiedKey key = (VerifiedKey) req.getAttribute(VerifiedKey.ATTRIBUTE);
      resp.setContentType("text/plain");
      resp.getWriter().write("document 1 for " + key.externalId() + " (key " + key.keyId() + ")");
    }
  }
}
