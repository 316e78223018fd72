package dev.keyward.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.keyward.redact.Redactor;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Wraps any text encoder (a JSON encoder, say) and redacts the bytes it produces; the text is
 * decoded and re-encoded with {@link #setCharset(Charset) the charset} (UTF-8 by default) only for
 * events that hold a secret.
 *
 * <pre>{@code
 * <encoder class="dev.keyward.logging.logback.RedactingEncoder">
 *   <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
 * </encoder>
 * }</pre>
 */
public class RedactingEncoder extends EncoderBase<ILoggingEvent> {
  private final RedactorSettings settings = new RedactorSettings();
  private Redactor redactor = Redactor.defaults();
  private Charset charset = StandardCharsets.UTF_8;
  private @Nullable Encoder<ILoggingEvent> encoder;

  /** Sets the encoder whose output is redacted. */
  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = Objects.requireNonNull(encoder, "encoder == null");
  }

  /** Sets the charset the wrapped encoder writes; UTF-8 by default. */
  public void setCharset(Charset charset) {
    this.charset = Objects.requireNonNull(charset, "charset == null");
  }

  /** Adds API key prefixes to mask besides {@code unkey_}, comma-separated. */
  public void addPrefix(String prefixes) {
    settings.addPrefixes(prefixes);
  }

  /** Adds secret-bearing JSON field names, comma-separated. */
  public void addField(String fields) {
    settings.addFields(fields);
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("keyward: RedactingEncoder needs a nested <encoder>");
      return;
    }
    try {
      redactor = settings.build();
    } catch (IllegalArgumentException e) {
      addError("keyward: invalid redaction settings: " + e.getMessage());
      return;
    }
    if (!encoder.isStarted()) {
      encoder.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    if (encoder != null) {
      encoder.stop();
    }
    super.stop();
  }

  @Override
  public byte @Nullable [] headerBytes() {
    return encoder == null ? null : redact(encoder.headerBytes());
  }

  @Override
  public byte @Nullable [] encode(ILoggingEvent event) {
    if (encoder == null) {
      throw new IllegalStateException("RedactingEncoder needs a nested <encoder>");
    }
    return redact(encoder.encode(event));
  }

  @Override
  public byte @Nullable [] footerBytes() {
    return encoder == null ? null : redact(encoder.footerBytes());
  }

  private byte @Nullable [] redact(byte @Nullable [] bytes) {
    if (bytes == null || bytes.length == 0) {
      return bytes;
    }
    String text = new String(bytes, charset);
    String redacted = redactor.redact(text);
    return redacted == text ? bytes : redacted.getBytes(charset);
  }
}
