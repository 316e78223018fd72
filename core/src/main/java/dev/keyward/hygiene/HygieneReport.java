package dev.keyward.hygiene;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@link KeyHygiene#scan} found: the findings in a stable order (by kind, then API id, then
 * key id), what was scanned, and notes on what could not be checked. {@link #toText()} is for
 * people, {@link #toJson()} for tools; neither holds a key's plaintext or hash.
 */
public final class HygieneReport {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::kind)
          .thenComparing(f -> f.apiId() == null ? "" : f.apiId())
          .thenComparing(Finding::keyId);

  private final Instant scannedAt;
  private final Duration rotationPeriod;
  private final List<String> apiIds;
  private final long apiKeysScanned;
  private final boolean rootKeysChecked;
  private final long rootKeysScanned;
  private final List<String> notes;
  private final List<Finding> findings;

  HygieneReport(
      Instant scannedAt,
      Duration rotationPeriod,
      List<String> apiIds,
      long apiKeysScanned,
      boolean rootKeysChecked,
      long rootKeysScanned,
      List<String> notes,
      List<Finding> findings) {
    this.scannedAt = scannedAt;
    this.rotationPeriod = rotationPeriod;
    this.apiIds = List.copyOf(apiIds);
    this.apiKeysScanned = apiKeysScanned;
    this.rootKeysChecked = rootKeysChecked;
    this.rootKeysScanned = rootKeysScanned;
    this.notes = List.copyOf(notes);
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(ORDER);
    this.findings = List.copyOf(sorted);
  }

  /** When the scan ran, read from the options' clock. */
  public Instant scannedAt() {
    return scannedAt;
  }

  /** The rotation period root keys were judged by. */
  public Duration rotationPeriod() {
    return rotationPeriod;
  }

  /** The APIs whose keys were listed, sorted, without duplicates or APIs that were not found. */
  public List<String> apiIds() {
    return apiIds;
  }

  /** How many API keys were read. */
  public long apiKeysScanned() {
    return apiKeysScanned;
  }

  /**
   * Whether root keys were read: false when no root-key check was asked for, or when the server
   * lacks keyward's root-key extension or refused it (the {@link #notes()} say which).
   */
  public boolean rootKeysChecked() {
    return rootKeysChecked;
  }

  /** How many root keys were read (0 when {@link #rootKeysChecked()} is false). */
  public long rootKeysScanned() {
    return rootKeysScanned;
  }

  /** What could not be checked and why, one sentence each. */
  public List<String> notes() {
    return notes;
  }

  /** Every finding, by kind, then API id, then key id. */
  public List<Finding> findings() {
    return findings;
  }

  /** The findings of one kind, in report order. */
  public List<Finding> findings(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** True if nothing was found (notes aside). */
  public boolean isClean() {
    return findings.isEmpty();
  }

  /**
   * The report for people: a summary line, one line per finding, one per note.
   *
   * <pre>
   * key hygiene: 2 finding(s); 1 API, 3 API key(s), 1 root key(s); rotation period 90 days
   *   API_KEY_WITHOUT_EXPIRY key_123 (api_456): API key key_123 of api_456 never expires; ...
   * </pre>
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("key hygiene: ")
        .append(findings.size())
        .append(" finding(s); ")
        .append(apiIds.size())
        .append(apiIds.size() == 1 ? " API, " : " APIs, ")
        .append(apiKeysScanned)
        .append(" API key(s), ")
        .append(rootKeysChecked ? rootKeysScanned + " root key(s)" : "root keys not checked")
        .append("; rotation period ")
        .append(describe(rotationPeriod))
        .append('\n');
    for (Finding f : findings) {
      out.append("  ").append(f.kind()).append(' ').append(f.keyId());
      if (f.apiId() != null) {
        out.append(" (").append(f.apiId()).append(')');
      }
      out.append(": ").append(f.message()).append('\n');
    }
    for (String note : notes) {
      out.append("  note: ").append(note).append('\n');
    }
    return out.toString();
  }

  /**
   * The report as one JSON object: {@code scannedAt} (ISO-8601), {@code rotationPeriod} (ISO-8601
   * duration), {@code apiIds}, {@code apiKeysScanned}, {@code rootKeysChecked}, {@code
   * rootKeysScanned}, {@code notes}, and {@code findings} (each with {@code kind}, {@code keyId},
   * {@code apiId} or null, {@code permissions}, {@code message}), in report order.
   */
  public String toJson() {
    StringBuilder out = new StringBuilder("{");
    JsonText.name(out, "scannedAt");
    JsonText.string(out, scannedAt.toString()).append(',');
    JsonText.name(out, "rotationPeriod");
    JsonText.string(out, rotationPeriod.toString()).append(',');
    JsonText.name(out, "apiIds");
    JsonText.strings(out, apiIds).append(',');
    JsonText.name(out, "apiKeysScanned").append(apiKeysScanned).append(',');
    JsonText.name(out, "rootKeysChecked").append(rootKeysChecked).append(',');
    JsonText.name(out, "rootKeysScanned").append(rootKeysScanned).append(',');
    JsonText.name(out, "notes");
    JsonText.strings(out, notes).append(',');
    JsonText.name(out, "findings").append('[');
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      out.append(i > 0 ? ",{" : "{");
      JsonText.name(out, "kind");
      JsonText.string(out, f.kind().name()).append(',');
      JsonText.name(out, "keyId");
      JsonText.string(out, f.keyId()).append(',');
      JsonText.name(out, "apiId");
      if (f.apiId() == null) {
        out.append("null");
      } else {
        JsonText.string(out, f.apiId());
      }
      out.append(',');
      JsonText.name(out, "permissions");
      JsonText.strings(out, f.permissions()).append(',');
      JsonText.name(out, "message");
      JsonText.string(out, f.message()).append('}');
    }
    return out.append("]}").toString();
  }

  /** {@code 90 days} for whole days, else the ISO-8601 duration. */
  static String describe(Duration period) {
    return period.toSeconds() % 86_400 == 0 && period.getNano() == 0
        ? period.toDays() + (period.toDays() == 1 ? " day" : " days")
        : period.toString();
  }

  @Override
  public String toString() {
    return "HygieneReport{findings="
        + findings.size()
        + ", apis="
        + apiIds.size()
        + ", apiKeysScanned="
        + apiKeysScanned
        + ", rootKeysChecked="
        + rootKeysChecked
        + "}";
  }
}
