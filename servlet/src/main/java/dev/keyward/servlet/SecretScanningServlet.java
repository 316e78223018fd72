package dev.keyward.servlet;

import dev.keyward.leak.ReceiverResponse;
import dev.keyward.leak.SecretScanningReceiver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's secret-scanning partner endpoint as a servlet: it reads the raw body (never more than
 * {@link SecretScanningReceiver#maxBodyBytes()} plus one byte), hands it with the {@code
 * Github-Public-Key-Identifier} and {@code Github-Public-Key-Signature} headers to the {@link
 * SecretScanningReceiver}, and writes its status and JSON body. Needs {@code keyward-leak} on the
 * class path (an optional dependency of this module).
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(new SecretScanningServlet(receiver)), "/github/leaks");
 * // and keep the path out of the ApiKeyFilter: GitHub sends no API key
 * ApiKeyFilter.builder(unkey).exclude("/github/leaks")
 * }</pre>
 *
 * <p>Besides the receiver's answers (200, 400, 401, 413, 500): a method other than POST gets 405; a
 * {@code Content-Length} over the limit gets 413 before a byte is read, and a chunked body 413 as
 * soon as it passes the limit; a body that does not arrive within the read budget (10 s by default;
 * each read also ends at the container's idle timeout) gets 408, one that breaks off 400. The
 * receiver is not called in any of these cases, so nothing is revoked.
 */
public final class SecretScanningServlet extends HttpServlet {
  /** The header naming GitHub's signing key. */
  public static final String KEY_IDENTIFIER_HEADER = "Github-Public-Key-Identifier";

  /** The header holding the base64 DER signature of the body. */
  public static final String SIGNATURE_HEADER = "Github-Public-Key-Signature";

  /** Default time allowed for the whole body to arrive. */
  public static final Duration DEFAULT_READ_BUDGET = Duration.ofSeconds(10);

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(SecretScanningServlet.class.getName());
  private static final int CHUNK = 8192;

  private final transient SecretScanningReceiver receiver;

  /** How long the whole body may take to arrive. */
  private final Duration readBudget;

  /** Serves {@code receiver} with the default read budget. */
  public SecretScanningServlet(SecretScanningReceiver receiver) {
    this(receiver, DEFAULT_READ_BUDGET);
  }

  /**
   * Serves {@code receiver}; a body that takes longer than {@code readBudget} (1 ms to 60 s) to
   * arrive is answered 408.
   */
  public SecretScanningServlet(SecretScanningReceiver receiver, Duration readBudget) {
    this.receiver = Objects.requireNonNull(receiver, "receiver == null");
    Objects.requireNonNull(readBudget, "readBudget == null");
    if (readBudget.compareTo(Duration.ofMillis(1)) < 0
        || readBudget.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("readBudget must be between 1 ms and 60 s");
    }
    this.readBudget = readBudget;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"POST".equals(req.getMethod())) {
      resp.setHeader("Allow", "POST");
      write(resp, 405, "{\"error\":\"only POST is accepted\"}");
      return;
    }
    int max = receiver.maxBodyBytes();
    long declared = req.getContentLengthLong();
    if (declared > max) {
      // refused unread: the container closes the connection rather than drain the rest
      write(resp, 413, "{\"error\":\"the report is larger than this endpoint accepts\"}");
      return;
    }
    byte[] body;
    try {
      body = read(req.getInputStream(), max, declared);
    } catch (TimeoutException | InterruptedIOException e) {
      LOG.log(Level.DEBUG, "secret scanning report: body not received in time");
      write(resp, 408, "{\"error\":\"the report did not arrive in time\"}");
      return;
    } catch (IOException e) {
      if (timedOut(e)) {
        LOG.log(Level.DEBUG, "secret scanning report: body not received in time");
        write(resp, 408, "{\"error\":\"the report did not arrive in time\"}");
      } else {
        LOG.log(
            Level.DEBUG, "secret scanning report: body broke off ({0})", e.getClass().getName());
        write(resp, 400, "{\"error\":\"the report body could not be read\"}");
      }
      return;
    }
    if (body == null) {
      write(resp, 413, "{\"error\":\"the report is larger than this endpoint accepts\"}");
      return;
    }
    ReceiverResponse answer =
        receiver.receive(
            body, req.getHeader(KEY_IDENTIFIER_HEADER), req.getHeader(SIGNATURE_HEADER));
    resp.setContentType(answer.contentType());
    write(resp, answer.status(), answer.body());
  }

  /** The body, or null once it passes {@code max} bytes (the rest is left unread). */
  private byte @Nullable [] read(InputStream in, int max, long declared)
      throws IOException, TimeoutException {
    long deadline = System.nanoTime() + readBudget.toNanos(); // monotonic, like callTimeout
    byte[] buf = new byte[(int) Math.min(max + 1L, declared >= 0 ? declared + 1 : CHUNK)];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        if (n > max) {
          return null;
        }
        buf = Arrays.copyOf(buf, (int) Math.min(max + 1L, (long) n * 2));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        return Arrays.copyOf(buf, n);
      }
      n += r;
      if (n > max) {
        return null;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TimeoutException();
      }
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  private static void write(HttpServletResponse resp, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  @Override
  public String toString() {
    return "SecretScanningServlet[" + receiver + "]";
  }
}
