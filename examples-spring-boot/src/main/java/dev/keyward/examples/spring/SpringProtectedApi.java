package dev.keyward.examples.spring;

import dev.keyward.Unkey;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.servlet.VerifiedKey;
import dev.keyward.testing.FakeUnkeyServer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot API protected by keyward's starter: {@code /documents/*} needs a key holding {@code
 * documents.read}, verified against a local {@link FakeUnkeyServer}, and writing one also needs
 * {@code documents.write}, checked by {@code @PreAuthorize} (the starter enables method security:
 * there is no {@code @EnableMethodSecurity} here). It calls itself with such keys, with a key
 * lacking the permission and without a key, prints the statuses and exits.
 */
@SpringBootApplication
public class SpringProtectedApi {
  /** Creates the application (Spring instantiates it). */
  public SpringProtectedApi() {}

  /** The protected endpoint; the starter's filter let the request in, so the key is verified. */
  @RestController
  static class Documents {
    @GetMapping("/documents/{id}")
    String document(
        @PathVariable("id") String id, @RequestAttribute(VerifiedKey.ATTRIBUTE) VerifiedKey key) {
      return "document " + id + " for " + key.externalId() + " (key " + key.keyId() + ")";
    }

    @PreAuthorize("@keyward.has('documents.write')")
    @PutMapping("/documents/{id}")
    String write(@PathVariable("id") String id, Principal key) {
      return "document " + id + " written by " + key.getName();
    }
  }

  /** Runs the demo and exits. */
  public static void main(String[] args) throws Exception {
    run(System.out, args);
  }

  /**
   * Starts the fake server and the application, makes the three requests and closes both.
   *
   * @return the statuses: reading with {@code documents.read}, without it, without a key; writing
   *     with only {@code documents.read}, with {@code documents.write} too
   */
  static List<Integer> run(PrintStream out, String... args) throws Exception {
    try (FakeUnkeyServer unkeyServer = FakeUnkeyServer.start()) {
      // Set up the workspace with the fake's bootstrap (admin) key: an API, two keys, and the
      // service's own root key, which may only verify keys of this API (least privilege).
      Unkey admin = unkeyServer.unkey();
      String apiId = admin.apis().create(CreateApiRequest.of("documents")).apiId();
      Secret reader =
          admin
              .keys()
              .create(
                  CreateKeyRequest.builder(apiId)
                      .prefix("sk")
                      .externalId("user_7")
                      .permissions(List.of("documents.read"))
                      .build())
              .key();
      Secret writer =
          admin
              .keys()
              .create(
                  CreateKeyRequest.builder(apiId)
                      .prefix("sk")
                      .permissions(List.of("documents.read", "documents.write"))
                      .build())
              .key();
      Secret nobody =
          admin.keys().create(CreateKeyRequest.builder(apiId).prefix("sk").build()).key();
      Secret verifyOnly =
          admin
              .rootKeys()
              .create(CreateRootKeyRequest.of(List.of("api." + apiId + ".verify_key")))
              .key();

      SpringApplication app = new SpringApplication(SpringProtectedApi.class);
      app.setDefaultProperties(
          Map.<String, Object>of(
              "server.address", "127.0.0.1",
              "server.port", "0",
              "keyward.base-url", unkeyServer.url(),
              "keyward.filter.routes[0].pattern", "/documents/*",
              "keyward.filter.routes[0].permissions", "documents.read",
              "spring.main.banner-mode", "off",
              "logging.level.root", "WARN"));
      // The root key is never a property. In production it comes from UNKEY_ROOT_KEY (or
      // keyward.root-key-file); here it is handed over as a RootKeyProvider bean.
      app.addInitializers(
          (ApplicationContextInitializer<GenericApplicationContext>)
              context ->
                  context.registerBean(
                      RootKeyProvider.class, () -> RootKeyProvider.of(verifyOnly)));
      try (ConfigurableApplicationContext context = app.run(args)) {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        statuses.add(call(http, base, out, "GET", "with documents.read", reader));
        statuses.add(call(http, base, out, "GET", "without permission ", nobody));
        statuses.add(call(http, base, out, "GET", "without a key      ", null));
        statuses.add(call(http, base, out, "PUT", "with documents.read", reader));
        statuses.add(call(http, base, out, "PUT", "with .read, .write ", writer));
        return statuses;
      }
    }
  }

  private static int call(
      HttpClient http, URI base, PrintStream out, String method, String label, @Nullable Secret key)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve("/documents/1"))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      b.header("Authorization", "Bearer " + key.reveal());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    out.println(method + " /documents/1 " + label + " -> " + r.statusCode() + " " + r.body());
    return r.statusCode();
  }
}
