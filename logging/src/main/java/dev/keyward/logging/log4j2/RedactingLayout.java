package dev.keyward.logging.log4j2;

import dev.keyward.redact.Redactor;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.Map;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;
import org.apache.logging.log4j.status.StatusLogger;
import org.jspecify.annotations.Nullable;

/**
 * Wraps any string layout (a {@code PatternLayout}, a JSON layout) and redacts everything it
 * writes: message, parameters, context data and the whole throwable.
 *
 * <pre>{@code
 * <File name="app" fileName="app.log">
 *   <RedactingLayout prefixes="sk_live">
 *     <PatternLayout pattern="%d %p %c %m%n%ex"/>
 *   </RedactingLayout>
 * </File>
 * }</pre>
 */
@Plugin(
    name = "RedactingLayout",
    category = Node.CATEGORY,
    elementType = Layout.ELEMENT_TYPE,
    printObject = true)
public final class RedactingLayout extends AbstractStringLayout {
  private final StringLayout layout;
  private final Redactor redactor;

  private RedactingLayout(StringLayout layout, Redactor redactor) {
    super(layout.getCharset());
    this.layout = layout;
    this.redactor = redactor;
  }

  /** Returns a layout that redacts the output of {@code layout} with {@code redactor}. */
  public static RedactingLayout wrap(StringLayout layout, Redactor redactor) {
    return new RedactingLayout(
        java.util.Objects.requireNonNull(layout, "layout == null"),
        java.util.Objects.requireNonNull(redactor, "redactor == null"));
  }

  /**
   * Creates the layout from configuration: the nested layout, optional comma-separated {@code
   * prefixes} and {@code fields}.
   */
  @PluginFactory
  public static @Nullable RedactingLayout createLayout(
      @PluginElement("Layout") @Nullable Layout<? extends Serializable> layout,
      @PluginAttribute("prefixes") @Nullable String prefixes,
      @PluginAttribute("fields") @Nullable String fields) {
    if (!(layout instanceof StringLayout)) {
      StatusLogger.getLogger()
          .error("keyward: RedactingLayout needs one nested string layout, such as PatternLayout");
      return null;
    }
    try {
      return new RedactingLayout((StringLayout) layout, RedactorAttributes.from(prefixes, fields));
    } catch (IllegalArgumentException e) {
      StatusLogger.getLogger().error("keyward: invalid redaction settings: {}", e.getMessage());
      return null;
    }
  }

  @Override
  public String toSerializable(LogEvent event) {
    return redactor.redact(layout.toSerializable(event));
  }

  @Override
  public byte[] getHeader() {
    return redactBytes(layout.getHeader());
  }

  @Override
  public byte[] getFooter() {
    return redactBytes(layout.getFooter());
  }

  @Override
  public String getContentType() {
    return layout.getContentType();
  }

  @Override
  public Map<String, String> getContentFormat() {
    return layout.getContentFormat();
  }

  @Override
  public Charset getCharset() {
    return layout.getCharset();
  }

  @Override
  public boolean requiresLocation() {
    return layout instanceof AbstractStringLayout
        && ((AbstractStringLayout) layout).requiresLocation();
  }

  private byte @Nullable [] redactBytes(byte @Nullable [] bytes) {
    if (bytes == null || bytes.length == 0) {
      return bytes;
    }
    String text = new String(bytes, getCharset());
    String redacted = redactor.redact(text);
    return redacted == text ? bytes : redacted.getBytes(getCharset());
  }

  @Override
  public String toString() {
    return "RedactingLayout{" + layout + "}";
  }
}
