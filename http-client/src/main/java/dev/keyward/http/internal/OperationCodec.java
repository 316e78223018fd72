package dev.keyward.http.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.keyward.Ack;
import dev.keyward.Page;
import dev.keyward.permission.Operation;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The wire format of one operation in both directions: its request body and its response envelope
 * ({@code meta.requestId} plus {@code data}, and {@code pagination} for lists). The client encodes
 * requests and decodes responses; {@code FakeUnkeyServer} decodes requests and encodes responses.
 *
 * @param <Q> the request value ({@link Void} for liveness)
 * @param <R> the response value
 */
public abstract class OperationCodec<Q, R> {
  private final Operation operation;

  OperationCodec(Operation operation) {
    this.operation = Objects.requireNonNull(operation, "operation == null");
  }

  /** The operation this codec speaks. */
  public final Operation operation() {
    return operation;
  }

  /** Writes the request body object (including its braces). */
  abstract void writeRequest(WireWriter w, Q request);

  /** Reads the request body object. */
  abstract Q readRequest(WireObject body);

  /** Writes the envelope members after {@code meta}: {@code data}, and {@code pagination} for lists. */
  abstract void writeResponse(WireWriter w, R response);

  /** Reads the response from its envelope. */
  abstract R readResponse(WireObject envelope, String requestId);

  /** The request id the response value carries. */
  abstract String requestId(R response);

  /** The request id that {@code response} carries. */
  public final String requestIdOf(R response) {
    return requestId(response);
  }

  /** Encodes a request body as UTF-8 JSON. */
  public final ByteString encodeRequest(Q request) {
    Objects.requireNonNull(request, "request == null");
    Buffer buffer = new Buffer();
    writeRequest(new WireWriter(JsonWriter.of(buffer)), request);
    return buffer.readByteString();
  }

  /**
   * Decodes a request body.
   *
   * @throws WireFormatException if the JSON is malformed or a field is missing or mistyped
   * @throws IllegalArgumentException if a value breaks the spec's limits (as the request builders do)
   */
  public final Q decodeRequest(BufferedSource body) {
    return readRequest(WireObject.of(readTree(body), "body"));
  }

  /** Encodes a full response envelope. */
  public final ByteString encodeResponse(R response) {
    Objects.requireNonNull(response, "response == null");
    Buffer buffer = new Buffer();
    WireWriter w = new WireWriter(JsonWriter.of(buffer));
    w.begin().obj("meta", m -> m.str("requestId", requestId(response)));
    writeResponse(w, response);
    w.end();
    return buffer.readByteString();
  }

  /**
   * Decodes a 2xx response envelope.
   *
   * @throws WireFormatException if the JSON is malformed or a field is missing or mistyped
   */
  public final R decodeResponse(BufferedSource body) {
    WireObject envelope = WireObject.of(readTree(body), "response");
    String requestId = envelope.obj("meta").str("requestId");
    try {
      return readResponse(envelope, requestId);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new WireFormatException("response of " + operation.wireName() + " holds an invalid value", e);
    }
  }

  static @Nullable Object readTree(BufferedSource source) {
    try {
      JsonReader reader = JsonReader.of(source);
      Object tree = JsonTree.read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new WireFormatException("trailing data after the JSON document");
      }
      return tree;
    } catch (WireFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Moshi's messages quote the offending input: keep only the class name.
      throw new WireFormatException("malformed or truncated JSON", e);
    }
  }

  // ---- factories -------------------------------------------------------------------------------

  /** An operation whose response {@code data} is one object. */
  static <Q, R> OperationCodec<Q, R> object(
      Operation op,
      BiConsumer<WireWriter, Q> writeRequest,
      Function<WireObject, Q> readRequest,
      BiConsumer<WireWriter, R> writeData,
      BiFunction<WireObject, String, R> readData,
      Function<R, String> requestId) {
    return new OperationCodec<>(op) {
      @Override
      void writeRequest(WireWriter w, Q request) {
        w.begin();
        writeRequest.accept(w, request);
        w.end();
      }

      @Override
      Q readRequest(WireObject body) {
        return readRequest.apply(body);
      }

      @Override
      void writeResponse(WireWriter w, R response) {
        w.obj("data", d -> writeData.accept(d, response));
      }

      @Override
      R readResponse(WireObject envelope, String id) {
        return readData.apply(envelope.obj("data"), id);
      }

      @Override
      String requestId(R response) {
        return requestId.apply(response);
      }
    };
  }

  /** An operation whose response carries no data (or {@code data: {}}): answered with an {@link Ack}. */
  static <Q> OperationCodec<Q, Ack> ack(
      Operation op, BiConsumer<WireWriter, Q> writeRequest, Function<WireObject, Q> readRequest) {
    return new OperationCodec<>(op) {
      @Override
      void writeRequest(WireWriter w, Q request) {
        w.begin();
        writeRequest.accept(w, request);
        w.end();
      }

      @Override
      Q readRequest(WireObject body) {
        return readRequest.apply(body);
      }

      @Override
      void writeResponse(WireWriter w, Ack response) {
        w.obj("data", d -> {});
      }

      @Override
      Ack readResponse(WireObject envelope, String id) {
        return new Ack(id);
      }

      @Override
      String requestId(Ack response) {
        return response.requestId();
      }
    };
  }

  /** A paged list: {@code data} is an array of items, {@code pagination} holds the cursor. */
  static <Q, T> OperationCodec<Q, Page<T>> page(
      Operation op,
      BiConsumer<WireWriter, Q> writeRequest,
      Function<WireObject, Q> readRequest,
      BiConsumer<WireWriter, T> writeItem,
      Function<WireObject, T> readItem) {
    return new OperationCodec<>(op) {
      @Override
      void writeRequest(WireWriter w, Q request) {
        w.begin();
        writeRequest.accept(w, request);
        w.end();
      }

      @Override
      Q readRequest(WireObject body) {
        return readRequest.apply(body);
      }

      @Override
      void writeResponse(WireWriter w, Page<T> page) {
        w.list("data", page.items(), writeItem);
        w.obj("pagination", p -> {
          page.cursor().ifPresent(c -> p.str("cursor", c));
          p.bool("hasMore", page.hasMore());
        });
      }

      @Override
      Page<T> readResponse(WireObject envelope, String id) {
        List<T> items = envelope.list("data", readItem);
        WireObject pagination = envelope.optObj("pagination");
        boolean hasMore = pagination != null && Boolean.TRUE.equals(pagination.optBool("hasMore"));
        String cursor = pagination == null ? null : pagination.optStr("cursor");
        return new Page<>(items, hasMore, cursor, id);
      }

      @Override
      String requestId(Page<T> response) {
        return response.requestId();
      }
    };
  }
}
