package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyward.UnexpectedStatusException;
import dev.keyward.http.internal.WireFormatException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A 2xx body larger than {@code maxResponseBytes} is refused, by its Content-Length up front or
 * counted as a chunked body streams, without reading the rest: the server gets to write little more
 * than the limit (plus the sockets' buffers) of the gigabyte it offers.
 */
class ResponseLimitTest {
  static final long GIB = 1L << 30;
  static final long LIMIT = 1L << 20;

  /** Bounds what the server wrote: the limit plus loopback socket buffers, far below 1 GiB. */
  static final long WRITTEN_BOUND = 64L << 20;

  static final byte[] ZEROS = new byte[64 * 1024];

  @Test
  void aChunkedBodyIsCountedAndCutOff() throws Exception {
    try (RawServer server = new RawServer(ResponseLimitTest::chunkedGigabyte)) {
      assertRefused(server);
    }
  }

  @Test
  void aDeclaredContentLengthIsRefusedUpFront() throws Exception {
    try (RawServer server = new RawServer(ResponseLimitTest::declaredGigabyte)) {
      assertRefused(server);
    }
  }

  void assertRefused(RawServer server) throws Exception {
    UnkeyHttpClient client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url())
            .rootKey(UnkeyHttpClientTest.ROOT)
            .retryPolicy(RetryPolicy.none())
            .maxResponseBytes(LIMIT)
            .build();

    Throwable thrown = catchThrowable(client::liveness);

    assertThat(thrown)
        .isInstanceOf(UnexpectedStatusException.class)
        .hasMessageContaining("liveness: HTTP 200")
        .hasMessageContaining("maxResponseBytes (" + LIMIT + " bytes)")
        .hasCauseInstanceOf(WireFormatException.class);
    assertThat(server.awaitEnd(20)).as("the server stopped writing").isTrue();
    assertThat(server.written.get()).isLessThan(WRITTEN_BOUND);
  }

  static void chunkedGigabyte(OutputStream out, AtomicLong written) throws Exception {
    RawServer.writeAscii(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    String size = Integer.toHexString(ZEROS.length) + "\r\n";
    while (written.get() < GIB) {
      RawServer.writeAscii(out, size);
      out.write(ZEROS);
      RawServer.writeAscii(out, "\r\n");
      written.addAndGet(ZEROS.length);
    }
  }

  static void declaredGigabyte(OutputStream out, AtomicLong written) throws Exception {
    RawServer.writeAscii(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + GIB + "\r\n\r\n");
    while (written.get() < GIB) {
      out.write(ZEROS);
      written.addAndGet(ZEROS.length);
    }
  }
}
