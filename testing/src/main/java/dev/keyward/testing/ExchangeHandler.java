package dev.keyward.testing;

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
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Serves the connections of a {@link FakeUnkeyServer}: one request after another on each, with
 * routing, authentication (before any body byte is read), the body cap, faults, validation, the
 * workspace quota and dispatch.
 */
final class ExchangeHandler implements LoopbackListener.ConnectionHandler {
  private static final Pattern LOCATION = Pattern.compile("\\bbody(\\.[A-Za-z0-9_\\[\\]]+)*");
  private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)( [a-zA-Z]+)? ");
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** An answer before it is sent. */
  private record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

  /** One request on a connection: its head, and its body once read. */
  private static final class Exchange {
    final RequestHead head;
    final OutputStream out;
    byte[] body = new byte[0];
    boolean bodyRead;

    Exchange(RequestHead head, OutputStream out) {
      this.head = head;
      this.out = out;
    }
  }

  private final FakeUnkeyServer server;
  private final int readTimeoutMillis;
  private final int idleTimeoutMillis;
  private final int maxBodyBytes;

  ExchangeHandler(FakeUnkeyServer server, Duration readTimeout, Duration idleTimeout, int maxBody) {
    this.server = server;
    this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    this.idleTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis());
    this.maxBodyBytes = maxBody;
  }

  @Override
  public void serve(Socket socket) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream());
    OutputStream out = new BufferedOutputStream(socket.getOutputStream());
    while (true) {
      // Between requests a connection may idle for long; inside one, every read has a deadline.
      socket.setSoTimeout(idleTimeoutMillis);
      in.mark(1);
      if (in.read() < 0) {
        return;
      }
      in.reset();
      socket.setSoTimeout(readTimeoutMillis);
      RequestHead head;
      try {
        head = RequestHead.read(in, readTimeoutMillis * 1_000_000L);
      } catch (RequestHead.MalformedHeadException e) {
        ResponseWriter.refuseFraming(out, e.status, e.getMessage());
        // The client may still be sending (a 10 MB header line): let it read the answer first.
        LoopbackListener.lingerThenClose(socket, in, maxBodyBytes);
        return;
      }
      if (head == null) {
        return;
      }
      if (!exchange(new Exchange(head, out), in) || head.wantsClose()) {
        LoopbackListener.lingerThenClose(socket, in, maxBodyBytes);
        return;
      }
    }
  }

  /** Serves one request; false when the connection must close after it. */
  private boolean exchange(Exchange ex, InputStream in) throws IOException {
    String method = ex.head.method;
    String path = ex.head.path();
    Operation op = route(method, path);
    String requestId = server.unkey().workspace().requestId();
    long length;
    try {
      length = ex.head.contentLength();
    } catch (RequestHead.MalformedHeadException e) {
      ResponseWriter.refuseFraming(ex.out, e.status, e.getMessage());
      return false;
    }
    // Refused before its body is read: an unauthenticated or oversized request costs no memory.
    Problem denied =
        op == null || op == Operation.LIVENESS
            ? null
            : BearerCheck.refusal(
                ex.head.header("Authorization"), server.unkey().workspace(), requestId);
    Answer refusal = denied == null ? null : answer(denied);
    if (refusal == null && length > maxBodyBytes) {
      refusal = tooLarge(requestId);
    }
    if (refusal != null) {
      return send(ex, refusal, false, true);
    }
    if (length != 0 && ex.head.expectsContinue()) {
      // The client waits for this before it sends the body (RFC 9110 §10.1.1).
      ex.out.write(CONTINUE);
      ex.out.flush();
    }
    try {
      ex.body = BodyReader.read(in, length, maxBodyBytes, true).kept();
      ex.bodyRead = true;
    } catch (BodyReader.TooLargeException e) {
      return send(ex, tooLarge(requestId), false, true);
    } catch (BodyReader.MalformedBodyException e) {
      ResponseWriter.refuseFraming(ex.out, 400, e.getMessage());
      return false;
    }
    if (op == null) {
      Answer a =
          error(
              ErrorCode.ROUTE_NOT_FOUND,
              "No route matches " + method + " " + path + ".",
              requestId);
      return send(ex, a, false, false);
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
      return fail(ex, failure, requestId);
    }
    Answer answer = serve(ex, op, requestId);
    if (failure != null) {
      return fail(ex, failure, requestId);
    }
    return send(ex, answer, false, false);
  }

  private Answer tooLarge(String requestId) {
    return error(
        ErrorCode.REQUEST_BODY_TOO_LARGE,
        "The request body exceeds the limit of " + maxBodyBytes + " bytes.",
        requestId);
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

  private Answer serve(Exchange ex, Operation op, String requestId) {
    InMemoryUnkey view = server.unkey();
    Object request = null;
    if (op != Operation.LIVENESS) {
      // BearerCheck has accepted the header before the body was read.
      String auth = ex.head.header("Authorization");
      try {
        request = WireCodec.decodeRequest(op, new Buffer().write(ex.body));
      } catch (PermissionQuerySyntaxException e) {
        return error(
            ErrorCode.PERMISSIONS_QUERY_SYNTAX,
            "Syntax error in permission query: " + e.getMessage(),
            requestId);
      } catch (WireFormatException | IllegalArgumentException e) {
        return invalid(e, requestId);
      }
      Secret rootKey = Secret.of(auth.substring(7).trim());
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
      // A key revoked since BearerCheck looked: its view answers 401 like Unkey.
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

  /** Answers with an injected fault; false when the connection must close after it. */
  private boolean fail(Exchange ex, Fault fault, String requestId) throws IOException {
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
          return send(ex, answer(p), false, false);
        }
      case TOO_MANY_REQUESTS:
        {
          Answer a =
              error(
                  ErrorCode.WORKSPACE_RATE_LIMITED,
                  "This workspace has exceeded its API rate limit. Please try again later.",
                  requestId);
          a.headers().put("Retry-After", List.of(Long.toString(seconds(fault.retryAfter()))));
          return send(ex, a, false, false);
        }
      case DROP:
        // No answer at all: the connection closes, and the client sees EOF.
        notifyListeners(ex, new Answer(0, Map.of(), new byte[0]));
        return false;
      case TRUNCATE:
        {
          Answer a =
              error(ErrorCode.UNEXPECTED, "Injected fault: this body is cut short.", requestId);
          return send(ex, a, true, true);
        }
      default:
        throw new IllegalStateException(fault.kind().name());
    }
  }

  /**
   * Sends {@code a} (half its body when {@code truncate}); returns whether the connection stays
   * open. A closing answer says {@code Connection: close}, so that no client reuses it.
   */
  private boolean send(Exchange ex, Answer a, boolean truncate, boolean close) throws IOException {
    boolean closing = close || ex.head.wantsClose();
    try {
      ResponseWriter.write(
          ex.out,
          a.status(),
          a.headers(),
          a.body(),
          // A HEAD answer has the headers of a GET answer and no body.
          ex.head.method.equals("HEAD") ? 0 : truncate ? a.body().length / 2 : a.body().length,
          closing,
          Math.max(1, idleTimeoutMillis / 1000));
    } finally {
      notifyListeners(ex, a);
    }
    return !closing;
  }

  private void notifyListeners(Exchange ex, Answer a) {
    if (server.listeners.isEmpty()) {
      return;
    }
    RecordedExchange e =
        new RecordedExchange(
            ex.head.method,
            ex.head.path(),
            ex.head.headers(),
            ex.body,
            a.status(),
            a.headers(),
            a.body(),
            ex.bodyRead);
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
