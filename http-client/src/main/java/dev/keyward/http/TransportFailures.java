package dev.keyward.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.Interceptor;

/**
 * Says in words why an attempt got no answer: which timeout expired, or the exception's class
 * (never its message, which may hold a host's reply or a value).
 */
final class TransportFailures {
  /**
   * The first application interceptor: turns a {@code RuntimeException} from anything after it into
   * a {@link ChainFailure}.
   */
  static final Interceptor GUARD =
      chain -> {
        try {
          return chain.proceed(chain.request());
        } catch (RuntimeException e) {
          throw new ChainFailure(e);
        }
      };

  /**
   * Okio's dump of the bytes it read when a line is too long ({@code content=<hex>}): the peer's
   * bytes, hex-encoded, so that a key a server echoed there escapes any search for the key.
   */
  private static final Pattern HEX_DUMP = Pattern.compile("content=[0-9a-fA-F]+");

  /** Causes deeper than this are dropped from a scrubbed chain. */
  private static final int MAX_DEPTH = 16;

  private TransportFailures() {}

  /**
   * The cause a {@code TransportException} may carry: {@code e} itself, unless a message in its
   * cause chain changes under {@code clean} or holds a dump of the peer's bytes. OkHttp's messages
   * quote what the server sent ({@code "Unexpected status line: …"}, a malformed chunk size line),
   * and a server may echo the call's keys there. Then the chain is rebuilt of {@link
   * ScrubbedFailure}s whose messages are cleaned and name the original classes, with the original
   * stack traces.
   */
  static Throwable scrub(Throwable e, UnaryOperator<String> clean) {
    List<Throwable> chain = new ArrayList<>();
    boolean dirty = false;
    for (Throwable t = e; t != null && chain.size() < MAX_DEPTH; t = t.getCause()) {
      if (chain.contains(t)) {
        break;
      }
      chain.add(t);
      String m = t.getMessage();
      dirty |= m != null && !cleaned(m, clean).equals(m);
    }
    if (!dirty) {
      return e;
    }
    ScrubbedFailure below = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable t = chain.get(i);
      String m = t.getMessage();
      ScrubbedFailure copy =
          new ScrubbedFailure(t.getClass().getName() + (m == null ? "" : ": " + cleaned(m, clean)));
      copy.setStackTrace(t.getStackTrace());
      if (below != null) {
        copy.initCause(below);
      }
      below = copy;
    }
    return Objects.requireNonNull(below);
  }

  private static String cleaned(String message, UnaryOperator<String> clean) {
    return HEX_DUMP.matcher(clean.apply(message)).replaceAll("content=(withheld)");
  }

  /**
   * Why {@code e} ended the attempt; {@code sent} whether the request reached the network, {@code
   * inBody} whether the response headers had arrived.
   */
  static String reason(IOException e, boolean sent, boolean inBody, Exchange.Settings settings) {
    if (e instanceof CallDeadlines.CallTimeout t) {
      return "timed out: the call timeout of "
          + t.timeoutMillis
          + " ms expired"
          + (inBody ? " while the response body arrived" : "");
    }
    if (e instanceof SocketTimeoutException) {
      if (!sent) {
        return "timed out: the connect timeout of "
            + settings.connectTimeoutMillis()
            + " ms expired";
      }
      if (inBody) {
        return "timed out: the read timeout of "
            + settings.readTimeoutMillis()
            + " ms expired while the response body arrived";
      }
      return "timed out: the read timeout of "
          + settings.readTimeoutMillis()
          + " ms (or the write timeout of "
          + settings.writeTimeoutMillis()
          + " ms) expired";
    }
    if (e instanceof ChainFailure) {
      return e.getCause().getClass().getSimpleName() + " in the interceptor chain";
    }
    return e.getClass().getSimpleName();
  }

  /**
   * A {@code RuntimeException} thrown inside OkHttp's interceptor chain (by an interceptor, or by
   * OkHttp itself), carried as an {@code IOException} so that OkHttp neither cancels the call nor
   * rethrows it on its dispatcher thread.
   */
  static final class ChainFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ChainFailure(RuntimeException cause) {
      super("interceptor chain failed: " + cause.getClass().getName(), cause);
    }
  }

  /**
   * A link of a transport failure's cause chain whose message held what a server sent: it names the
   * original exception class, and carries the cleaned message and the original stack trace.
   */
  static final class ScrubbedFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ScrubbedFailure(String message) {
      super(message);
    }
  }
}
