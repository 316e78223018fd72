package dev.keyward.http.internal;

import com.squareup.moshi.JsonWriter;
import dev.keyward.Problem;
import dev.keyward.ValidationError;
import dev.keyward.permission.Operation;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Unkey's error envelope: {@code {"meta":{"requestId"},"error":{"title","detail","status","type",
 * "errors"?}}}, as served under {@code application/json} and {@code application/problem+json}. A
 * flat RFC 9457 problem ({@code type}, {@code title}, {@code status}, {@code detail} at the top
 * level) is read too.
 */
public final class ErrorCodec {
  private ErrorCodec() {}

  /**
   * Encodes {@code problem} as Unkey's error envelope. {@code errors} is written for 400 answers
   * (where Unkey's schema requires it) and whenever it is non-empty; missing texts are written
   * empty because the schema requires them.
   */
  static ByteString encode(Problem problem) {
    Buffer buffer = new Buffer();
    WireWriter writer = new WireWriter(JsonWriter.of(buffer));
    writer.begin();
    writer.obj(
        "meta", m -> m.str("requestId", problem.requestId() == null ? "" : problem.requestId()));
    writer.obj(
        "error",
        e -> {
          e.str("title", orEmpty(problem.title()));
          e.str("detail", orEmpty(problem.detail()));
          e.lng("status", problem.status());
          e.str("type", orEmpty(problem.type()));
          if (problem.status() == 400 || !problem.errors().isEmpty()) {
            e.list(
                "errors",
                problem.errors(),
                (v, err) -> {
                  v.str("location", err.location())
                      .str("message", err.message())
                      .optStr("fix", err.fix());
                });
          }
        });
    writer.end();
    return buffer.readByteString();
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /**
   * Decodes an error body of an answer with {@code status}, checking its texts with {@link
   * ServerTexts#defaults()}. Never throws: an unreadable body gives a problem with only the status
   * and {@code fallbackRequestId} (e.g. from a response header).
   */
  public static Problem decode(
      int status, @Nullable BufferedSource body, @Nullable String fallbackRequestId) {
    return decode(status, body, fallbackRequestId, ServerTexts.defaults());
  }

  /**
   * Decodes an error body as {@link #decode(int, BufferedSource, String)} does: the request id
   * (from {@code meta} or {@code fallbackRequestId}) and the type are checked with {@code texts},
   * the title, detail and validation errors redacted with it.
   */
  public static Problem decode(
      int status,
      @Nullable BufferedSource body,
      @Nullable String fallbackRequestId,
      ServerTexts texts) {
    String fallback = texts.optRequestId(fallbackRequestId);
    if (body == null) {
      return Problem.ofStatus(status, fallback);
    }
    try {
      WireObject root = WireObject.of(OperationCodec.readTree(body), "response");
      WireObject meta = root.optObj("meta");
      String requestId = texts.optRequestId(meta == null ? null : meta.optStr("requestId"));
      if (requestId == null) {
        requestId = fallback;
      }
      WireObject error = root.optObj("error");
      WireObject p = error != null ? error : root;
      List<ValidationError> errors =
          p.list(
              "errors",
              v ->
                  new ValidationError(
                      texts.freeText(v.str("location")),
                      texts.freeText(v.str("message")),
                      texts.optFreeText(v.optStr("fix"))));
      return new Problem(
          status,
          texts.type(p.optStr("type")),
          texts.optFreeText(p.optStr("title")),
          texts.optFreeText(p.optStr("detail")),
          requestId,
          errors);
    } catch (RuntimeException e) {
      return Problem.ofStatus(status, fallback);
    }
  }

  /**
   * Why an operation answered 404. Where Unkey masks a missing permission as a 404 (so a root key
   * cannot probe which APIs or keys exist), the explanation says so; the client and the fakes share
   * it.
   */
  public static String notFoundExplanation(Operation op) {
    switch (op) {
      case KEYS_CREATE_KEY:
      case APIS_LIST_KEYS:
        return "the API does not exist, or the root key may not act on it: Unkey answers 404 for"
            + " both so that a root key cannot probe which APIs exist; check the root key's"
            + " permissions";
      case KEYS_GET_KEY:
      case KEYS_WHOAMI:
        return "the key does not exist, or the root key may not read it: Unkey answers 404 for both"
            + " so that a root key cannot probe which keys exist; check the root key's permissions";
      default:
        return "the resource does not exist";
    }
  }
}
