package dev.keyward.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
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

  private TransportFailures() {}

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
}
