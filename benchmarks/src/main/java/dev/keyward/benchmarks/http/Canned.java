package dev.keyward.benchmarks.http;

import dev.keyward.key.Secret;
import dev.keyward.model.VerifyKeyRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import org.slf4j.LoggerFactory;

/** The verify exchange both client benchmarks use, and a server socket factory with TCP_NODELAY. */
final class Canned {
  static final Secret ROOT_KEY = Secret.of("unkey_3ZZ8mN5dYk1TGQ7vWz2pLhXxQ");
  static final String API_KEY = "sk_5Hq9wXy2ZpQv8LrTt3mKcV";
  static final VerifyKeyRequest REQUEST = VerifyKeyRequest.builder(API_KEY).build();

  /** Byte-identical to what UnkeyHttpClient sends for {@link #REQUEST}. */
  static final String REQUEST_JSON = "{\"key\":\"" + API_KEY + "\"}";

  static final String RESPONSE_JSON =
      "{\"meta\":{\"requestId\":\"req_2c9a0jf23l4k567\"},\"data\":{\"valid\":true,\"code\":\"VALID\",\"keyId\":\"key_2cGKbMxRyIzhCxo1Idjz8q\",\"name\":\"acme"
          + " production\","
          + "\"meta\":{\"plan\":\"pro\",\"seats\":12},\"expires\":1900000000000,\"credits\":950,\"enabled\":true,"
          + "\"permissions\":[\"documents.read\",\"documents.write\"],\"roles\":[\"editor\"],"
          + "\"identity\":{\"id\":\"id_1234567890\",\"externalId\":\"user_42\"},"
          + "\"ratelimits\":[{\"exceeded\":false,\"id\":\"rl_1234567890\",\"name\":\"requests\",\"limit\":100,"
          + "\"duration\":60000,\"reset\":59000,\"remaining\":99,\"autoApply\":true}]}}";

  private Canned() {}

  /**
   * Logback without a configuration logs DEBUG to the console; measure with keyward's loggers at
   * INFO, as in production (the HTTP logger then costs one isDebugEnabled check).
   */
  static void quietLogs() {
    if (LoggerFactory.getLogger("dev.keyward") instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }

  /**
   * Accepted sockets get TCP_NODELAY: MockWebServer leaves Nagle on, which stalls small keep-alive
   * writes.
   */
  static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket s = super.accept();
          s.setTcpNoDelay(true);
          return s;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException();
    }
  }
}
