package dev.keyward.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.keyward.Problem;
import dev.keyward.RateLimitedException;
import dev.keyward.Sleeper;
import dev.keyward.UnkeyException;
import dev.keyward.ValidationError;
import dev.keyward.http.internal.WireCodec;
import dev.keyward.http.internal.WireFormatException;
import dev.keyward.key.Secret;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuerySyntaxException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Serves one exchange: routing, faults, validation, authentication, the workspace quota, dispatch.
 */
final class ExchangeHandler implements HttpHandler {
  private static final Pattern LOCATION = Pattern.compile("\\bbody(\\.[A-Za-z0-9_\\[\\]]+)*");
  private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)( [a-zA-Z]+)? ");

  /** An answer before it is sent. */
  private record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

  private final FakeUnkeyServer server;

  ExchangeHandler(FakeUnkeyServer server) {
    this.server = server;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    // An AbortConnection propagates: the JDK server then closes the connection, and the client sees
    // EOF.
    exchange(ex);
    ex.close();
  }

  private void exchange(HttpExchange ex) throws IOException {
    byte[] requestBody = ex.getRequestBody().readAllBytes();
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    Operation op = route(method, path);
    String requestId = server.unkey().workspace().requestId();
    if (op == null) {
      Answer a =
          error(
              ErrorCode.ROUTE_NOT_FOUND,
              "No route matches " + method + " " + path + ".",
              requestId);
      send(ex, a, requestBody, false);
      return;
    }
    Fault failure = null;
    for (FakeUnkeyServer.ActiveFault f : server.faults) {
      if (!f.fault.matches(op) || ThreadLocalRandom.current().nextDouble() >= f.fault.fraction()) {
        continue;
      }
      if (f.fault.kind() == Fault.Kind.LATENCY) {
        if (f.claim()) {
          sleep(f.fault.latency());
        }
      } else if (failure == null && f.claim()) {
        failure = f.fault;
      }
    }
    if (failure != null && failure.mode() == Fault.Mode.BEFORE) {
      fail(ex, failure, requestBody, requestId);
      return;
    }
    Answer answer = serve(ex, op, requestBody, requestId);
    if (failure != null) {
      fail(ex, failure, requestBody, requestId);
      return;
    }
    send(ex, answer, requestBody, false);
  }

  /** Thrown to make the JDK server close the connection at once (drop and truncate faults). */
  private static final class AbortConnection extends IOException {
    private static final long serialVersionUID = 1L;

    AbortConnection() {
      super("injected fault: connection closed", null);
    }
  }

  private static @Nullable Operation route(String method, String path) {
    if (!path.startsWith("/v2/")) {
      return null;
    }
    Operation op;
    try {
      op = Operation.fromWireName(path.substring(4));
    } catch (IllegalArgumentException e) {
      return null;
    }
    String expected = op == Operation.LIVENESS ? "GET" : "POST";
    return method.equals(expected) && WireCodec.supports(op) ? op : null;
  }

  private Answer serve(HttpExchange ex, Operation op, byte[] body, String requestId) {
    InMemoryUnkey view = server.unkey();
    Object request = null;
    if (op != Operation.LIVENESS) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null || auth.isBlank()) {
        return error(
            ErrorCode.MISSING_AUTHORIZATION,
            "Authorization header is missing, but required. Use the format 'Bearer <ROOT_KEY>'.",
            requestId);
      }
      if (!auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
        return error(
            ErrorCode.MALFORMED_AUTHORIZATION,
            "Authorization header must use the format 'Bearer <ROOT_KEY>'.",
            requestId);
      }
      try {
        request = WireCodec.decodeRequest(op, new Buffer().write(body));
      } catch (PermissionQuerySyntaxException e) {
        return error(
            ErrorCode.PERMISSIONS_QUERY_SYNTAX,
            "Syntax error in permission query: " + e.getMessage(),
            requestId);
      } catch (WireFormatException | IllegalArgumentException e) {
        return invalid(e, requestId);
      }
      Secret rootKey;
      try {
        rootKey = Secret.of(auth.substring(7).trim());
      } catch (IllegalArgumentException e) {
        return error(ErrorCode.ROOT_KEY_NOT_FOUND, "The provided root key is invalid.", requestId);
      }
      Workspace ws = view.workspace();
      String rootHash = rootKey.hash();
      boolean known;
      synchronized (ws.lock) {
        StoredRootKey k = ws.rootKeysByHash.get(rootHash);
        known = k != null && k.live(ws.now());
      }
      if (known) {
        WorkspaceRateLimit.Decision d = server.rateLimit.take(ws.clock.millis());
        if (d != null && !d.allowed()) {
          Answer a =
              error(
                  ErrorCode.WORKSPACE_RATE_LIMITED,
                  "This workspace has exceeded its API rate limit. Please try again later.",
                  requestId);
          long resetSeconds = Math.max(1, (d.resetMillis() - ws.clock.millis() + 999) / 1000);
          a.headers().put("RateLimit-Limit", List.of(Long.toString(d.limit())));
          a.headers().put("RateLimit-Remaining", List.of(Long.toString(d.remaining())));
          a.headers().put("RateLimit-Reset", List.of(Long.toString(resetSeconds)));
          a.headers().put("Retry-After", List.of(Long.toString(resetSeconds)));
          return a;
        }
      }
      view = known ? server.viewFor(rootKey) : view.as(rootKey);
    }
    try {
      Object response = Dispatcher.dispatch(view, op, request);
      byte[] json = WireCodec.codec(op).encodeResponse(response, requestId).toByteArray();
      return new Answer(200, jsonHeaders(), json);
    } catch (RateLimitedException e) {
      Answer a = answer(e.problem());
      e.retryAfter()
          .ifPresent(d -> a.headers().put("Retry-After", List.of(Long.toString(seconds(d)))));
      return a;
    } catch (UnkeyException e) {
      return answer(e.problem());
    } catch (UnsupportedOperationException e) {
      return error(
          ErrorCode.ROUTE_NOT_FOUND, "This fake does not serve " + op.wireName() + ".", requestId);
    } catch (RuntimeException e) {
      return error(
          ErrorCode.UNEXPECTED, "The fake failed: " + e.getClass().getSimpleName(), requestId);
    }
  }

  private static Answer invalid(RuntimeException e, String requestId) {
    String message = e.getMessage() == null ? "invalid request body" : e.getMessage();
    String location = "body";
    Matcher m = LOCATION.matcher(message);
    if (m.find()) {
      location = m.group();
    } else {
      Matcher f = FIELD.matcher(message);
      if (f.find()) {
        location = "body." + f.group(1);
      }
    }
    Problem p =
        new Problem(
            400,
            ErrorCode.INVALID_INPUT.type(),
            ErrorCode.INVALID_INPUT.title(),
            "The request body is invalid.",
            requestId,
            List.of(new ValidationError(location, message, null)));
    return answer(p);
  }

  private static Answer error(ErrorCode code, String detail, String requestId) {
    return answer(
        new Problem(code.status(), code.type(), code.title(), detail, requestId, List.of()));
  }

  private static Answer answer(Problem p) {
    return new Answer(
        p.status(), jsonHeaders(), WireCodec.encodeError(p).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> jsonHeaders() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Content-Type", List.of("application/json"));
    return h;
  }

  private void fail(HttpExchange ex, Fault fault, byte[] requestBody, String requestId)
      throws IOException {
    switch (fault.kind()) {
      case STATUS:
        {
          ErrorCode code =
              fault.status() == 503 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.UNEXPECTED;
          Problem p =
              new Problem(
                  fault.status(),
                  code.type(),
                  code.title(),
                  "Injected fault.",
                  requestId,
                  List.of());
          send(ex, answer(p), requestBody, false);
          return;
        }
      case TOO_MANY_REQUESTS:
        {
          Answer a =
              error(
                  ErrorCode.WORKSPACE_RATE_LIMITED,
                  "This workspace has exceeded its API rate limit. Please try again later.",
                  requestId);
          a.headers().put("Retry-After", List.of(Long.toString(seconds(fault.retryAfter()))));
          send(ex, a, requestBody, false);
          return;
        }
      case DROP:
        notifyListeners(ex, requestBody, new Answer(0, Map.of(), new byte[0]));
        throw new AbortConnection();
      case TRUNCATE:
        {
          Answer a =
              error(ErrorCode.UNEXPECTED, "Injected fault: this body is cut short.", requestId);
          send(ex, a, requestBody, true);
          return;
        }
      default:
        throw new IllegalStateException(fault.kind().name());
    }
  }

  private void send(HttpExchange ex, Answer a, byte[] requestBody, boolean truncate)
      throws IOException {
    a.headers().forEach((k, v) -> ex.getResponseHeaders().put(k, new ArrayList<>(v)));
    ex.sendResponseHeaders(a.status(), a.body().length);
    OutputStream out = ex.getResponseBody();
    try {
      out.write(a.body(), 0, truncate ? a.body().length / 2 : a.body().length);
      out.flush();
    } finally {
      notifyListeners(ex, requestBody, a);
    }
    if (truncate) {
      throw new AbortConnection();
    }
  }

  private void notifyListeners(HttpExchange ex, byte[] requestBody, Answer a) {
    if (server.listeners.isEmpty()) {
      return;
    }
    RecordedExchange e =
        new RecordedExchange(
            ex.getRequestMethod(),
            ex.getRequestURI().getPath(),
            ex.getRequestHeaders(),
            requestBody,
            a.status(),
            a.headers(),
            a.body());
    for (FakeUnkeyServer.ExchangeListener l : server.listeners) {
      l.onExchange(e);
    }
  }

  private static long seconds(Duration d) {
    return Math.max(0, (d.toMillis() + 999) / 1000);
  }

  private static void sleep(Duration d) {
    try {
      Sleeper.SYSTEM.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
