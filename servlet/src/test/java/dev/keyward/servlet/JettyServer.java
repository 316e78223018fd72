package dev.keyward.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10) with a filter in front of a servlet that echoes the principal. */
final class JettyServer {
  private final Server server;
  final URI base;
  final HttpClient http = HttpClient.newHttpClient();

  JettyServer(Filter filter) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addFilter(
        new FilterHolder(filter), "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new EchoServlet()), "/*");
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Sends a request with one raw header line in ISO-8859-1 and returns the status code. */
  int rawStatus(String path, String headerLine) throws IOException {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\n"
              + headerLine
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      socket.getInputStream(), StandardCharsets.ISO_8859_1))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  void close() throws Exception {
    server.stop();
  }

  /** Writes what the application sees of the authenticated key. */
  static final class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Object attr = req.getAttribute(VerifiedKey.ATTRIBUTE);
      StringBuilder b = new StringBuilder();
      if (attr instanceof VerifiedKey) {
        VerifiedKey k = (VerifiedKey) attr;
        b.append("principal=")
            .append(req.getUserPrincipal().getName())
            .append(" externalId=")
            .append(k.externalId())
            .append(" permissions=")
            .append(new java.util.TreeSet<>(k.permissions()))
            .append(" roles=")
            .append(new java.util.TreeSet<>(k.roles()))
            .append(" credits=")
            .append(k.remainingCredits())
            .append(" meta=")
            .append(k.meta())
            .append(" adminRole=")
            .append(req.isUserInRole("admin"));
        if (Boolean.TRUE.equals(req.getAttribute(ApiKeyFilter.LAST_KNOWN_GOOD_ATTRIBUTE))) {
          b.append(" lastKnownGood=true");
        }
      } else if (Boolean.TRUE.equals(req.getAttribute(ApiKeyFilter.FAILED_OPEN_ATTRIBUTE))) {
        b.append("failed-open principal=").append(req.getUserPrincipal());
      } else {
        b.append("anonymous principal=").append(req.getUserPrincipal());
      }
      resp.setContentType("text/plain");
      resp.getWriter().write(b.toString());
    }
  }
}
