package dev.keyward.http.internal;

import com.squareup.moshi.JsonWriter;
import dev.keyward.model.Ack;
import dev.keyward.model.Page;
import dev.keyward.permission.Operation;
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

  /**
   * Writes the envelope members after {@code meta}: {@code data}, and {@code pagination} for lists.
   */
  abstract void writeResponse(WireWriter w, R response);

  /** Reads the response from its envelope. */
  abstract R readResponse(WireObject envelope, String requestId);

  /**
   * The request id the response value carries, or null when its type has none (e.g. {@code
   * KeyInfo}).
   */
  abstract @Nullable String requestId(R response);

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
   * @throws IllegalArgumentException if a value breaks the spec's limits (as the request builders
   *     do)
   */
  final Q decodeRequest(BufferedSource body) {
    return readRequestTree(readTree(body));
  }

  /** Reads a request from its decoded tree; bodies that are not objects override this. */
  Q readRequestTree(@Nullable Object tree) {
    return readRequest(WireObject.of(tree, "body"));
  }

  /**
   * Encodes a full response envelope with the request id the value carries.
   *
   * @throws IllegalArgumentException if the value's type carries no request id: use {@link
   *     #encodeResponse(Object, String)}
   */
  final ByteString encodeResponse(R response) {
    Objects.requireNonNull(response, "response == null");
    String id = requestId(response);
    if (id == null) {
      throw new IllegalArgumentException(
          operation.wireName()
              + "'s response value carries no request id: pass one to encodeResponse");
    }
    return encodeResponse(response, id);
  }

  /** Encodes a full response envelope with {@code requestId} in {@code meta}. */
  public final ByteString encodeResponse(R response, String requestId) {
    Objects.requireNonNull(response, "response == null");
    Objects.requireNonNull(requestId, "requestId == null");
    Buffer buffer = new Buffer();
    WireWriter w = new WireWriter(JsonWriter.of(buffer));
    w.begin().obj("meta", m -> m.str("requestId", requestId));
    writeResponse(w, response);
    w.end();
    return buffer.readByteString();
  }

  /**
   * Decodes a 2xx response envelope.
   *
   * @throws WireFormatException if the JSON is malformed or a field is missing or mistyped
   */
  final R decodeResponse(BufferedSource body) {
    return decode(body).value();
  }

  /** A decoded response and the envelope's {@code meta.requestId}. */
  public record Decoded<R>(R value, String requestId) {}

  /**
   * Decodes a 2xx response envelope, keeping its request id even when the value type has none; the
   * request id is checked with {@link ServerTexts#defaults()}.
   *
   * @throws WireFormatException if the JSON is malformed or a field is missing or mistyped
   */
  public final Decoded<R> decode(BufferedSource body) {
    return decode(body, ServerTexts.defaults());
  }

  /**
   * Decodes a 2xx response envelope; a request id that {@code texts} rejects becomes {@link
   * ServerTexts#INVALID_REQUEST_ID} in the value too.
   *
   * @throws WireFormatException if the JSON is malformed or a field is missing or mistyped
   */
  public final Decoded<R> decode(BufferedSource body, ServerTexts texts) {
    Objects.requireNonNull(texts, "texts == null");
    try {
      return decodeEnvelope(body, texts);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new WireFormatException(
          "response of " + operation.wireName() + " holds an invalid value", e);
    }
  }

  /** Decodes through the tree; the hot {@code keys.verifyKey} streams instead. */
  Decoded<R> decodeEnvelope(BufferedSource body, ServerTexts texts) {
    WireObject envelope = WireObject.of(readTree(body), "response");
    String requestId = texts.requestId(envelope.obj("meta").str("requestId"));
    return new Decoded<>(readResponse(envelope, requestId), requestId);
  }

  /** Reads a whole JSON document into a tree (see {@link WireReader}). */
  static @Nullable Object readTree(BufferedSource source) {
    return WireReader.read(source);
  }

  /**
   * The envelope's required {@code data} array: absent or {@code null} is a failure, never an empty
   * list (which a caller would take for "nothing there").
   */
  private static <T> List<T> data(WireObject envelope, Function<WireObject, T> readItem) {
    if (!envelope.present("data")) {
      throw new WireFormatException("missing required field response.data");
    }
    return envelope.list("data", readItem);
  }

  // ---- factories -------------------------------------------------------------------------------

  /** A codec whose request body is one JSON object, written and read by the functions given. */
  abstract static class ObjectBody<Q, R> extends OperationCodec<Q, R> {
    private final BiConsumer<WireWriter, Q> write;
    private final Function<WireObject, Q> read;

    ObjectBody(Operation op, BiConsumer<WireWriter, Q> write, Function<WireObject, Q> read) {
      super(op);
      this.write = write;
      this.read = read;
    }

    @Override
    final void writeRequest(WireWriter w, Q request) {
      w.begin();
      write.accept(w, request);
      w.end();
    }

    @Override
    final Q readRequest(WireObject body) {
      return read.apply(body);
    }
  }

  /** An operation whose response {@code data} is one object. */
  static <Q, R> OperationCodec<Q, R> object(
      Operation op,
      BiConsumer<WireWriter, Q> writeRequest,
      Function<WireObject, Q> readRequest,
      BiConsumer<WireWriter, R> writeData,
      BiFunction<WireObject, String, R> readData,
      Function<R, @Nullable String> requestId) {
    return new ObjectBody<>(op, writeRequest, readRequest) {
      @Override
      void writeResponse(WireWriter w, R response) {
        w.obj("data", d -> writeData.accept(d, response));
      }

      @Override
      R readResponse(WireObject envelope, String id) {
        return readData.apply(envelope.obj("data"), id);
      }

      @Override
      @Nullable String requestId(R response) {
        return requestId.apply(response);
      }
    };
  }

  /**
   * An operation whose response carries no data (or {@code data: {}}): answered with an {@link
   * Ack}.
   */
  static <Q> OperationCodec<Q, Ack> ack(
      Operation op, BiConsumer<WireWriter, Q> writeRequest, Function<WireObject, Q> readRequest) {
    return ack(op, writeRequest, readRequest, true);
  }

  /** Like {@link #ack}; {@code withData} false for responses whose schema has no {@code data}. */
  static <Q> OperationCodec<Q, Ack> ack(
      Operation op,
      BiConsumer<WireWriter, Q> writeRequest,
      Function<WireObject, Q> readRequest,
      boolean withData) {
    return new ObjectBody<>(op, writeRequest, readRequest) {
      @Override
      void writeResponse(WireWriter w, Ack response) {
        if (withData) {
          w.obj("data", d -> {});
        }
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

  /**
   * An operation whose response {@code data} is an array (e.g. the permissions a key holds now).
   */
  static <Q, T, R> OperationCodec<Q, R> array(
      Operation op,
      BiConsumer<WireWriter, Q> writeRequest,
      Function<WireObject, Q> readRequest,
      BiConsumer<WireWriter, T> writeItem,
      Function<WireObject, T> readItem,
      Function<R, List<T>> items,
      BiFunction<List<T>, String, R> wrap,
      Function<R, @Nullable String> requestId) {
    return new ObjectBody<>(op, writeRequest, readRequest) {
      @Override
      void writeResponse(WireWriter w, R response) {
        w.list("data", items.apply(response), writeItem);
      }

      @Override
      R readResponse(WireObject envelope, String id) {
        return wrap.apply(data(envelope, readItem), id);
      }

      @Override
      @Nullable String requestId(R response) {
        return requestId.apply(response);
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
    return new ObjectBody<>(op, writeRequest, readRequest) {
      @Override
      void writeResponse(WireWriter w, Page<T> page) {
        w.list("data", page.items(), writeItem);
        w.obj(
            "pagination",
            p -> {
              page.cursor().filter(c -> !c.isEmpty()).ifPresent(c -> p.str("cursor", c));
              p.bool("hasMore", page.hasMore());
            });
      }

      @Override
      Page<T> readResponse(WireObject envelope, String id) {
        List<T> items = data(envelope, readItem);
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
