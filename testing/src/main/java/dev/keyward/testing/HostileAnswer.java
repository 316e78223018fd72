package dev.keyward.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One scripted answer of a {@link HostileServer}: a status, headers (any bytes, any count) and a
 * body (fixed, endless, or echoing the request), delivered normally, dripping, reset mid-body or
 * stalled after the headers. Immutable: each {@code withX()} returns a copy.
 *
 * <pre>{@code
 * HostileAnswer.json(200, "{\"meta\":{}}").withHeader("Retry-After", "99999999999999999999");
 * HostileAnswer.huge(4L << 30, "[", "0,").dripping(16, Duration.ofMillis(50));
 * HostileAnswer.echo(Echo.bearer(), Place.ERROR_DETAIL);
 * }</pre>
 */
public final class HostileAnswer {
  /** What an echo answer copies from the request. */
  public static final class Echo {
    private static final Pattern BEARER = Pattern.compile("^\\s*Bearer\\s+(.*)$");

    private final @Nullable String field;
    private final boolean bearer;

    private Echo(@Nullable String field, boolean bearer) {
      this.field = field;
      this.bearer = bearer;
    }

    /** The Authorization header's bearer value (the whole header if it has no Bearer prefix). */
    public static Echo bearer() {
      return new Echo(null, true);
    }

    /** The request body as text (its first {@link HostileServer#MAX_RECORDED_BODY} bytes). */
    public static Echo body() {
      return new Echo(null, false);
    }

    /** The value of the first JSON member named {@code name} in the body (a string's content). */
    public static Echo bodyField(String name) {
      return new Echo(Objects.requireNonNull(name, "name == null"), false);
    }

    String from(ReceivedRequest r) {
      if (bearer) {
        String auth = r.header("Authorization");
        if (auth == null) {
          return "";
        }
        Matcher m = BEARER.matcher(auth);
        return m.matches() ? m.group(1) : auth;
      }
      String text = r.bodyText();
      if (field == null) {
        return text;
      }
      Matcher m =
          Pattern.compile(
                  "\""
                      + Pattern.quote(field)
                      + "\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,}\\]\\s]+))")
              .matcher(text);
      if (!m.find()) {
        return "";
      }
      return m.group(1) != null ? m.group(1) : m.group(2);
    }
  }

  /** Where an echo answer puts what it copied. */
  public enum Place {
    /** {@code meta.requestId} of the error envelope. */
    META_REQUEST_ID,
    /** {@code error.type} of the error envelope. */
    ERROR_TYPE,
    /** {@code error.detail} of the error envelope. */
    ERROR_DETAIL,
    /** The {@code X-Unkey-Request-Id} header (CR and LF replaced by spaces). */
    HEADER_REQUEST_ID
  }

  final int status;
  final List<byte[]> headerLines;
  final byte[] prefix;
  final byte[] filler;
  final long bodyLength;
  final @Nullable Echo echo;
  final @Nullable Place place;
  final boolean contentLength;
  final int dripBytes;
  final Duration dripInterval;
  final long resetAfter;
  final @Nullable Duration stall;

  private HostileAnswer(
      int status,
      List<byte[]> headerLines,
      byte[] prefix,
      byte[] filler,
      long bodyLength,
      @Nullable Echo echo,
      @Nullable Place place,
      boolean contentLength,
      int dripBytes,
      Duration dripInterval,
      long resetAfter,
      @Nullable Duration stall) {
    this.status = status;
    this.headerLines = List.copyOf(headerLines);
    this.prefix = prefix;
    this.filler = filler;
    this.bodyLength = bodyLength;
    this.echo = echo;
    this.place = place;
    this.contentLength = contentLength;
    this.dripBytes = dripBytes;
    this.dripInterval = dripInterval;
    this.resetAfter = resetAfter;
    this.stall = stall;
  }

  private static HostileAnswer body(int status, byte[] prefix, byte[] filler, long length) {
    checkStatus(status);
    return new HostileAnswer(
        status, List.of(), prefix, filler, length, null, null, true, 0, Duration.ZERO, -1, null);
  }

  /** A plain answer with a JSON body. */
  public static HostileAnswer json(int status, String body) {
    byte[] b = Objects.requireNonNull(body, "body == null").getBytes(StandardCharsets.UTF_8);
    return body(status, b, new byte[0], b.length).withHeader("Content-Type", "application/json");
  }

  /**
   * A redirect to {@code location}, e.g. another host, or {@code http://} from {@code https://}.
   */
  public static HostileAnswer redirect(int status, String location) {
    if (status < 300 || status > 399) {
      throw new IllegalArgumentException("status must be 300..399");
    }
    return body(status, new byte[0], new byte[0], 0)
        .withHeader("Location", Objects.requireNonNull(location, "location == null"));
  }

  /**
   * A body of {@code totalBytes} (e.g. {@code 4L << 30}) streamed lazily: {@code prefix}, then
   * {@code filler} repeated (cut at the end), never held in memory. With a valid JSON prefix such
   * as <code>&#123;"data":[</code> and filler {@code 0,}, a streaming parser reads on until the
   * end.
   */
  public static HostileAnswer huge(long totalBytes, String prefix, String filler) {
    if (totalBytes < 0) {
      throw new IllegalArgumentException("totalBytes must be >= 0");
    }
    byte[] f = Objects.requireNonNull(filler, "filler == null").getBytes(StandardCharsets.UTF_8);
    if (f.length == 0) {
      throw new IllegalArgumentException("filler must not be empty");
    }
    byte[] p = Objects.requireNonNull(prefix, "prefix == null").getBytes(StandardCharsets.UTF_8);
    return body(200, p, f, totalBytes).withHeader("Content-Type", "application/json");
  }

  /**
   * An Unkey error envelope (status 400 unless {@link #withStatus}) that carries {@code what} from
   * the request at {@code where}; the other fields hold fixed values.
   */
  public static HostileAnswer echo(Echo what, Place where) {
    Objects.requireNonNull(what, "what == null");
    Objects.requireNonNull(where, "where == null");
    return new HostileAnswer(
            400,
            List.of(),
            new byte[0],
            new byte[0],
            0,
            what,
            where,
            true,
            0,
            Duration.ZERO,
            -1,
            null)
        .withHeader("Content-Type", "application/problem+json");
  }

  /** The same answer with status {@code status}. */
  public HostileAnswer withStatus(int status) {
    checkStatus(status);
    return new HostileAnswer(
        status,
        headerLines,
        prefix,
        filler,
        bodyLength,
        echo,
        place,
        contentLength,
        dripBytes,
        dripInterval,
        resetAfter,
        stall);
  }

  /** Adds header {@code name: value} as given: huge values and repeats are allowed. */
  public HostileAnswer withHeader(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    return withRawHeaderLine((name + ": " + value).getBytes(StandardCharsets.UTF_8));
  }

  /** Adds {@code count} headers {@code prefix-1: value} .. {@code prefix-count: value}. */
  public HostileAnswer withManyHeaders(String prefix, String value, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    List<byte[]> lines = new ArrayList<>(headerLines);
    for (int i = 1; i <= count; i++) {
      lines.add((prefix + "-" + i + ": " + value).getBytes(StandardCharsets.UTF_8));
    }
    return withLines(lines);
  }

  /**
   * Adds one header line of raw bytes (without CRLF), e.g. invalid UTF-8 such as {@code "X-Bad:
   * \u00ff"} encoded in ISO-8859-1, or a line without a colon.
   */
  public HostileAnswer withRawHeaderLine(byte[] line) {
    List<byte[]> lines = new ArrayList<>(headerLines);
    lines.add(Objects.requireNonNull(line, "line == null").clone());
    return withLines(lines);
  }

  /** Sends no Content-Length: the body ends when the server closes the connection. */
  public HostileAnswer withoutContentLength() {
    return new HostileAnswer(
        status,
        headerLines,
        prefix,
        filler,
        bodyLength,
        echo,
        place,
        false,
        dripBytes,
        dripInterval,
        resetAfter,
        stall);
  }

  /** Sends the body {@code bytesPerWrite} at a time, {@code interval} apart. */
  public HostileAnswer dripping(int bytesPerWrite, Duration interval) {
    if (bytesPerWrite < 1) {
      throw new IllegalArgumentException("bytesPerWrite must be >= 1");
    }
    Objects.requireNonNull(interval, "interval == null");
    return new HostileAnswer(
        status,
        headerLines,
        prefix,
        filler,
        bodyLength,
        echo,
        place,
        contentLength,
        bytesPerWrite,
        interval,
        resetAfter,
        stall);
  }

  /** Resets the connection (TCP RST, SO_LINGER 0) after {@code bodyBytes} of the body. */
  public HostileAnswer resetAfter(long bodyBytes) {
    if (bodyBytes < 0) {
      throw new IllegalArgumentException("bodyBytes must be >= 0");
    }
    return new HostileAnswer(
        status,
        headerLines,
        prefix,
        filler,
        bodyLength,
        echo,
        place,
        contentLength,
        dripBytes,
        dripInterval,
        bodyBytes,
        stall);
  }

  /** Sends the headers, then nothing for {@code stall}, then closes the connection. */
  public HostileAnswer stallAfterHeaders(Duration stall) {
    Objects.requireNonNull(stall, "stall == null");
    return new HostileAnswer(
        status,
        headerLines,
        prefix,
        filler,
        bodyLength,
        echo,
        place,
        contentLength,
        dripBytes,
        dripInterval,
        resetAfter,
        stall);
  }

  private HostileAnswer withLines(List<byte[]> lines) {
    return new HostileAnswer(
        status,
        lines,
        prefix,
        filler,
        bodyLength,
        echo,
        place,
        contentLength,
        dripBytes,
        dripInterval,
        resetAfter,
        stall);
  }

  private static void checkStatus(int status) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must be 100..999");
    }
  }

  @Override
  public String toString() {
    return "HostileAnswer{" + status + ", " + bodyLength + " body bytes}";
  }
}
