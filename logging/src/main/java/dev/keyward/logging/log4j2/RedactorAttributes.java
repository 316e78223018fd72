package dev.keyward.logging.log4j2;

import dev.keyward.redact.Redactor;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Redactor} from comma-separated plugin attributes. */
final class RedactorAttributes {
  private RedactorAttributes() {}

  static Redactor from(@Nullable String prefixes, @Nullable String fields) {
    boolean noPrefixes = prefixes == null || prefixes.isBlank();
    boolean noFields = fields == null || fields.isBlank();
    if (noPrefixes && noFields) {
      return Redactor.defaults();
    }
    Redactor.Builder builder = Redactor.builder();
    if (!noPrefixes) {
      for (String p : prefixes.split(",", -1)) {
        if (!p.isBlank()) {
          builder.prefix(p.trim());
        }
      }
    }
    if (!noFields) {
      for (String f : fields.split(",", -1)) {
        if (!f.isBlank()) {
          builder.field(f.trim());
        }
      }
    }
    return builder.build();
  }
}
