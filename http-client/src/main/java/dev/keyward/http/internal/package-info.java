/**
 * keyward's wire format, shared by {@code UnkeyHttpClient} and {@code FakeUnkeyServer} (exported to
 * {@code dev.keyward.testing} only; not API).
 *
 * <p>Every operation has one symmetric {@link dev.keyward.http.internal.OperationCodec}: the client
 * encodes requests and decodes responses; a server decodes requests and encodes responses. A server
 * that dispatches on the path uses the untyped entry points of {@link
 * dev.keyward.http.internal.WireCodec}:
 *
 * <pre>{@code
 * Operation op = Operation.fromWireName(path.substring("/v2/".length()));
 * Object request = WireCodec.decodeRequest(op, bodyString);     // e.g. a CreateKeyRequest
 * // ... apply it, producing the port's response value (CreatedKey, Verification, Page<..>, Ack, ...)
 * String json = WireCodec.encodeResponse(op, response);          // {"meta":{"requestId":..},"data":..}
 * String error = WireCodec.encodeError(problem);                 // Unkey's error envelope
 * }</pre>
 *
 * <p>Typed access: {@code OperationCodec<CreateKeyRequest, CreatedKey> c =
 * WireCodec.codec(Operation.KEYS_CREATE_KEY)}, or the constants in {@code KeyCodecs}, {@code
 * ApiCodecs}, and so on; {@code c.decodeRequest(BufferedSource)}, {@code c.encodeResponse(value)}
 * (an okio {@code ByteString}).
 *
 * <p>Failures: {@link dev.keyward.http.internal.WireFormatException} for malformed or truncated
 * JSON and missing or mistyped fields (its message names the field, never a value: answer 400);
 * {@link java.lang.IllegalArgumentException} (including {@code PermissionQuerySyntaxException})
 * when a value breaks the spec's limits, exactly as the request builders reject it. {@code
 * liveness} has no request body (its request type is {@link java.lang.Void}). Responses that carry
 * no data are {@code Ack}s. Patch fields decode to {@code Patch.absent()} when missing and {@code
 * Patch.clear()} when JSON {@code null}.
 */
@NullMarked
package dev.keyward.http.internal;

import org.jspecify.annotations.NullMarked;
