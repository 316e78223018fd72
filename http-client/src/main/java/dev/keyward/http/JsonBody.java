package dev.keyward.http;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A JSON request body held in memory. Bodies of non-SAFE operations say they are one-shot, so
 * OkHttp never replays them on its own; keyward's retry loop decides. {@link RedactingHttpLogger}
 * may still read it, because writing it again is harmless.
 */
final class JsonBody extends RequestBody {
  static final MediaType JSON = MediaType.get("application/json");

  private final ByteString bytes;
  private final boolean oneShot;

  JsonBody(ByteString bytes, boolean oneShot) {
    this.bytes = bytes;
    this.oneShot = oneShot;
  }

  ByteString bytes() {
    return bytes;
  }

  @Override
  public @Nullable MediaType contentType() {
    return JSON;
  }

  @Override
  public long contentLength() {
    return bytes.size();
  }

  @Override
  public boolean isOneShot() {
    return oneShot;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(bytes);
  }
}
