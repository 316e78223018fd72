package dev.keyward.leak;

import dev.keyward.model.CreatedKey;
import dev.keyward.rotation.LeakReport;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the receiver did about one leaked key: its id and owner, where GitHub found it, and the
 * outcome. Holds no leaked token; a {@link Outcome#REROLLED} notice carries the successor (a {@link
 * CreatedKey}, whose {@code toString()} masks the key) for the notifier to deliver.
 */
public final class LeakNotice {
  /** How the playbook ended for the key. */
  public enum Outcome {
    /** The API key was deleted. */
    REVOKED,
    /**
     * The API key was rerolled with immediate expiry; {@link #replacement()} holds the successor.
     */
    REROLLED,
    /** The key was already gone when the playbook ran (deleted by someone else). */
    ALREADY_GONE,
    /**
     * The root key's {@code LeakResponse} ran (it revokes first); {@link #rootKeyReport()} says how
     * far.
     */
    ROOT_KEY_RESPONSE_RAN,
    /** The playbook failed; a redelivery of the report (or a restart) tries again. */
    FAILED
  }

  private final TokenKind kind;
  private final String keyId;
  private final String tokenHash;
  private final @Nullable String ownerExternalId;
  private final @Nullable String ownerIdentityId;
  private final String url;
  private final String source;
  private final String tokenType;
  private final Outcome outcome;
  private final @Nullable CreatedKey replacement;
  private final @Nullable LeakReport rootKeyReport;

  LeakNotice(
      Finding finding,
      Outcome outcome,
      @Nullable CreatedKey replacement,
      @Nullable LeakReport rootKeyReport) {
    this.kind = finding.record().kind();
    this.keyId = finding.record().keyId();
    this.tokenHash = finding.record().tokenHash();
    this.ownerExternalId = finding.ownerExternalId();
    this.ownerIdentityId = finding.ownerIdentityId();
    this.url = finding.url();
    this.source = finding.source();
    this.tokenType = finding.tokenType();
    this.outcome = Objects.requireNonNull(outcome, "outcome == null");
    this.replacement = replacement;
    this.rootKeyReport = rootKeyReport;
  }

  /** API key or root key. */
  public TokenKind kind() {
    return kind;
  }

  /** The leaked key's id. */
  public String keyId() {
    return keyId;
  }

  /** SHA-256 (hex) of the leaked token, as in GitHub's feedback. */
  public String tokenHash() {
    return tokenHash;
  }

  /** The owner's {@code externalId} (the key's identity), if the key has one. */
  public Optional<String> ownerExternalId() {
    return Optional.ofNullable(ownerExternalId);
  }

  /** The owner's identity id, if the key has an identity. */
  public Optional<String> ownerIdentityId() {
    return Optional.ofNullable(ownerIdentityId);
  }

  /** Where GitHub found the token (may be empty). */
  public String url() {
    return url;
  }

  /** GitHub's {@code source}: content, commit, issue_comment, npm, … (may be empty). */
  public String source() {
    return source;
  }

  /** GitHub's {@code type}: the name of the pattern that matched. */
  public String tokenType() {
    return tokenType;
  }

  /** What happened. */
  public Outcome outcome() {
    return outcome;
  }

  /** The successor of a rerolled API key: deliver it to the owner. */
  public Optional<CreatedKey> replacement() {
    return Optional.ofNullable(replacement);
  }

  /** The report of a root key's {@code LeakResponse}. */
  public Optional<LeakReport> rootKeyReport() {
    return Optional.ofNullable(rootKeyReport);
  }

  @Override
  public String toString() {
    return "LeakNotice{"
        + kind
        + " "
        + keyId
        + " "
        + outcome
        + (ownerExternalId == null ? "" : " owner=" + ownerExternalId)
        + " source="
        + source
        + " url="
        + url
        + "}";
  }
}
