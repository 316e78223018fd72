package dev.keyward.http.internal;

import dev.keyward.Problem;
import dev.keyward.permission.Operation;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Every operation's codec by {@link Operation}, plus untyped entry points for servers that dispatch
 * on the path: decode a request, encode a response or an error. See the package documentation.
 */
public final class WireCodec {
  private static final Map<Operation, OperationCodec<?, ?>> CODECS = new EnumMap<>(Operation.class);

  static {
    register(LivenessCodec.LIVENESS);
    register(KeyCodecs.CREATE_KEY);
    register(VerifyKeyCodec.VERIFY_KEY);
    register(KeyCodecs.GET_KEY);
    register(KeyCodecs.WHOAMI);
    register(KeyCodecs.UPDATE_KEY);
    register(KeyCodecs.UPDATE_CREDITS);
    register(KeyCodecs.DELETE_KEY);
    register(KeyCodecs.REROLL_KEY);
    register(KeyCodecs.MIGRATE_KEYS);
    register(KeyCodecs.ADD_PERMISSIONS);
    register(KeyCodecs.REMOVE_PERMISSIONS);
    register(KeyCodecs.SET_PERMISSIONS);
    register(KeyCodecs.ADD_ROLES);
    register(KeyCodecs.REMOVE_ROLES);
    register(KeyCodecs.SET_ROLES);
    Registry.registerAll();
  }

  private WireCodec() {}

  static void register(OperationCodec<?, ?> codec) {
    CODECS.put(codec.operation(), codec);
  }

  /** True if keyward speaks {@code operation} on the wire. */
  public static boolean supports(Operation operation) {
    return CODECS.containsKey(operation);
  }

  /**
   * The codec of {@code operation}.
   *
   * @throws UnsupportedOperationException if the operation has no codec
   */
  @SuppressWarnings("unchecked")
  public static <Q, R> OperationCodec<Q, R> codec(Operation operation) {
    OperationCodec<?, ?> codec = CODECS.get(Objects.requireNonNull(operation, "operation == null"));
    if (codec == null) {
      throw new UnsupportedOperationException("no wire codec for " + operation.wireName());
    }
    return (OperationCodec<Q, R>) codec;
  }

  /**
   * Decodes a request body of {@code operation} into its request value (e.g. a {@code
   * CreateKeyRequest}).
   */
  public static Object decodeRequest(Operation operation, BufferedSource body) {
    return codec(operation).decodeRequest(body);
  }

  /** Decodes a request body given as a string. */
  static Object decodeRequest(Operation operation, String body) {
    return decodeRequest(operation, new Buffer().writeUtf8(body));
  }

  /** Encodes a request value as its JSON body. */
  static String encodeRequest(Operation operation, Object request) {
    return codec(operation).encodeRequest(request).utf8();
  }

  /**
   * Encodes a response value (e.g. a {@code CreatedKey}) as the full 200 envelope, with the request
   * id the value carries.
   *
   * @throws IllegalArgumentException if the value carries none (use the three-argument form)
   */
  static String encodeResponse(Operation operation, Object response) {
    return codec(operation).encodeResponse(response).utf8();
  }

  /**
   * Encodes a response value with {@code requestId} in {@code meta}: for values that carry no
   * request id of their own ({@code KeyInfo}, {@code ApiInfo}, {@code Identity}, {@code
   * Permission}, ...).
   */
  static String encodeResponse(Operation operation, Object response, String requestId) {
    return codec(operation).encodeResponse(response, requestId).utf8();
  }

  /** Decodes a full 200 envelope into the response value. */
  static Object decodeResponse(Operation operation, String body) {
    return codec(operation).decodeResponse(new Buffer().writeUtf8(body));
  }

  /** Encodes Unkey's error envelope for {@code problem}. */
  public static String encodeError(Problem problem) {
    return ErrorCodec.encode(problem).utf8();
  }

  /** Decodes an error body; never throws (an unreadable body gives a status-only problem). */
  static Problem decodeError(
      int status, @Nullable String body, @Nullable String fallbackRequestId) {
    return ErrorCodec.decode(
        status, body == null ? null : new Buffer().writeUtf8(body), fallbackRequestId);
  }
}
