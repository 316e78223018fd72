/**
 * keyward's wire format, shared by {@code UnkeyHttpClient} and {@code FakeUnkeyServer} (exported to
 * {@code dev.keyward.testing} only; not API). Only what those two use is public.
 *
 * <p>Every operation has one symmetric {@link dev.keyward.http.internal.OperationCodec}: the client
 * encodes requests and decodes responses; a server decodes requests and encodes responses. A server
 * that dispatches on the path uses the entry points of {@link dev.keyward.http.internal.WireCodec}:
 *
 * <pre>{@code
 * Operation op = Operation.fromWireName(path.substring("/v2/".length()));
 * Object request = WireCodec.decodeRequest(op, bodySource);      // e.g. a CreateKeyRequest
 * // ... apply it, producing the port's response value (CreatedKey, Verification, Page<..>, Ack, ...)
 * OperationCodec<Object, Object> codec = WireCodec.codec(op);
 * ByteString json = codec.encodeResponse(response, requestId);   // {"meta":{"requestId":..},"data":..}
 * String error = WireCodec.encodeError(problem);                 // Unkey's error envelope
 * }</pre>
 *
 * <p>JSON is written with Moshi's {@code JsonWriter} and read with Moshi's strict {@code
 * JsonReader} into a small tree ({@code WireReader}; member names selected through one shared
 * {@code JsonReader.Options}), which the codecs read through {@code WireObject}: keyward owns no
 * JSON parser.
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
