package dev.keyward.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The state of {@link FakeSecretsManager}: secrets, their versions and staging labels, with the
 * rules of the real service that keyward relies on.
 *
 * <p>Modelled: CreateSecret (a name that exists, or is scheduled for deletion, is refused; with a
 * value the first version gets AWSCURRENT), GetSecretValue by VersionId and/or VersionStage
 * (default AWSCURRENT; unknown version or missing label: ResourceNotFoundException; a secret
 * scheduled for deletion: InvalidRequestException), PutSecretValue (ClientRequestToken = VersionId;
 * the same token and value again is ignored, another value ResourceExistsException; no
 * VersionStages means AWSCURRENT; the first version gets AWSCURRENT; a label moves from the version
 * that had it; moving AWSCURRENT moves AWSPREVIOUS), UpdateSecretVersionStage (a label on another
 * version than RemoveFromVersionId, or removing a label from a version that lacks it:
 * InvalidParameterException; AWSCURRENT cannot be removed without being moved; moving AWSCURRENT
 * moves AWSPREVIOUS), DescribeSecret (VersionIdsToStages of labelled versions, DeletedDate),
 * DeleteSecret (recovery window; ForceDeleteWithoutRecovery removes at once), lookup by name or by
 * complete ARN.
 *
 * <p>Not modelled: signature verification (the fake only checks that a SigV4 Authorization header
 * is present and reads its access key id), IAM policy evaluation beyond the fixed access keys of
 * {@link FakeSecretsManager}, KMS and encryption, SecretBinary, partial ARNs, resource policies,
 * tags, replication and replica regions, rotation configuration and RotateSecret (the adapter is
 * invoked directly), the 100-version quota and AWS's clean-up of deprecated versions, throttling
 * and the PutSecretValue rate guidance, eventual consistency (every read sees every completed
 * write), RestoreSecret, pagination, and the exact wording of AWS's error messages.
 */
final class SecretsManagerState {
  /** An error the fake answers as AWS does: HTTP 400 with {@code __type}. */
  static final class AwsError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String type;

    AwsError(String type, String message) {
      super(message, null, false, false);
      this.type = type;
    }
  }

  private static final class Version {
    final String id;
    final String value;
    final List<String> stages = new ArrayList<>();
    final long created;

    Version(String id, String value, long created) {
      this.id = id;
      this.value = value;
      this.created = created;
    }
  }

  private static final class Entry {
    final String name;
    final String arn;
    final Map<String, Version> versions = new LinkedHashMap<>();
    boolean deleted;

    Entry(String name, String arn) {
      this.name = name;
      this.arn = arn;
    }
  }

  private final Map<String, Entry> secrets = new LinkedHashMap<>();
  private final Random random = new Random(7);
  private long clock = 1_700_000_000L;

  /** How many versions the secret {@code nameOrArn} ever got (deprecated ones included). */
  synchronized int versionCount(String nameOrArn) {
    Entry e = find(nameOrArn);
    return e == null ? 0 : e.versions.size();
  }

  /** The ARN of the secret named {@code name}. */
  synchronized String arnOf(String name) {
    return require(name).arn;
  }

  synchronized Map<String, Object> apply(String action, Map<String, Object> r) {
    clock++;
    return switch (action) {
      case "CreateSecret" -> create(r);
      case "GetSecretValue" -> get(r);
      case "PutSecretValue" -> put(r);
      case "UpdateSecretVersionStage" -> updateStage(r);
      case "DescribeSecret" -> describe(r);
      case "DeleteSecret" -> delete(r);
      default -> throw new AwsError("UnknownOperationException", "not modelled: " + action);
    };
  }

  private Map<String, Object> create(Map<String, Object> r) {
    String name = string(r, "Name");
    Entry existing = secrets.get(name);
    if (existing != null && existing.deleted) {
      throw new AwsError(
          "InvalidRequestException",
          "You can't create this secret because a secret with this name is already scheduled for"
              + " deletion.");
    }
    if (existing != null) {
      throw new AwsError(
          "ResourceExistsException",
          "The operation failed because the secret " + name + " already exists.");
    }
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      suffix.append(
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".charAt(random.nextInt(52)));
    }
    Entry e =
        new Entry(
            name, "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-" + suffix);
    secrets.put(name, e);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ARN", e.arn);
    out.put("Name", name);
    if (r.get("SecretString") != null) {
      Version v = newVersion(e, token(r), string(r, "SecretString"));
      v.stages.add("AWSCURRENT");
      out.put("VersionId", v.id);
    }
    return out;
  }

  private Map<String, Object> get(Map<String, Object> r) {
    Entry e = live(string(r, "SecretId"));
    String versionId = (String) r.get("VersionId");
    String stage = (String) r.get("VersionStage");
    if (versionId == null && stage == null) {
      stage = "AWSCURRENT";
    }
    Version v = null;
    if (versionId != null) {
      v = e.versions.get(versionId);
      if (v == null || (stage != null && !v.stages.contains(stage))) {
        throw new AwsError(
            "ResourceNotFoundException",
            "Secrets Manager can't find the specified secret value for VersionId: " + versionId);
      }
    } else {
      v = labelled(e, stage);
      if (v == null) {
        throw new AwsError(
            "ResourceNotFoundException",
            "Secrets Manager can't find the specified secret value for staging label: " + stage);
      }
    }
    Map<String, Object> out = base(e);
    out.put("VersionId", v.id);
    out.put("SecretString", v.value);
    out.put("VersionStages", new ArrayList<>(v.stages));
    out.put("CreatedDate", v.created);
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> put(Map<String, Object> r) {
    Entry e = live(string(r, "SecretId"));
    String token = token(r);
    String value = string(r, "SecretString");
    Version earlier = e.versions.get(token);
    if (earlier != null) {
      if (!earlier.value.equals(value)) {
        throw new AwsError(
            "ResourceExistsException",
            "You can't modify an existing version, you can only create a new version.");
      }
      Map<String, Object> out = base(e);
      out.put("VersionId", earlier.id);
      out.put("VersionStages", new ArrayList<>(earlier.stages));
      return out;
    }
    List<String> stages = (List<String>) r.get("VersionStages");
    if (stages == null) {
      stages = List.of("AWSCURRENT");
    }
    boolean first = e.versions.isEmpty();
    Version old = labelled(e, "AWSCURRENT");
    Version v = newVersion(e, token, value);
    for (String s : stages) {
      attach(e, v, s, old);
    }
    if (first && !v.stages.contains("AWSCURRENT")) {
      v.stages.add("AWSCURRENT");
    }
    Map<String, Object> out = base(e);
    out.put("VersionId", v.id);
    out.put("VersionStages", new ArrayList<>(v.stages));
    return out;
  }

  private Map<String, Object> updateStage(Map<String, Object> r) {
    Entry e = live(string(r, "SecretId"));
    String stage = string(r, "VersionStage");
    String moveTo = (String) r.get("MoveToVersionId");
    String removeFrom = (String) r.get("RemoveFromVersionId");
    Version holder = labelled(e, stage);
    if (moveTo != null) {
      Version target = e.versions.get(moveTo);
      if (target == null) {
        throw new AwsError(
            "ResourceNotFoundException",
            "Secrets Manager can't find the specified secret version: " + moveTo);
      }
      if (holder != null && holder != target && !holder.id.equals(removeFrom)) {
        throw new AwsError(
            "InvalidParameterException",
            "The parameter RemoveFromVersionId doesn't match the version that "
                + stage
                + " is attached to.");
      }
      attach(e, target, stage, holder);
    } else {
      if (removeFrom == null || holder == null || !holder.id.equals(removeFrom)) {
        throw new AwsError(
            "InvalidParameterException",
            "The staging label " + stage + " isn't attached to version " + removeFrom + ".");
      }
      if (stage.equals("AWSCURRENT")) {
        throw new AwsError(
            "InvalidParameterException",
            "You can only move staging label AWSCURRENT to a different secret version.");
      }
      holder.stages.remove(stage);
    }
    return base(e);
  }

  private Map<String, Object> describe(Map<String, Object> r) {
    Entry e = find(string(r, "SecretId"));
    if (e == null) {
      throw notFound();
    }
    Map<String, Object> out = base(e);
    Map<String, Object> labels = new LinkedHashMap<>();
    for (Version v : e.versions.values()) {
      if (!v.stages.isEmpty()) {
        labels.put(v.id, new ArrayList<>(v.stages));
      }
    }
    out.put("VersionIdsToStages", labels);
    if (e.deleted) {
      out.put("DeletedDate", clock);
    }
    return out;
  }

  private Map<String, Object> delete(Map<String, Object> r) {
    Entry e = live(string(r, "SecretId"));
    if (Boolean.TRUE.equals(r.get("ForceDeleteWithoutRecovery"))) {
      secrets.remove(e.name);
    } else {
      e.deleted = true;
    }
    Map<String, Object> out = base(e);
    out.put("DeletionDate", clock + 7 * 86400);
    return out;
  }

  /** Attaches {@code stage} to {@code v}, taking it from any other version. */
  private static void attach(Entry e, Version v, String stage, Version oldCurrent) {
    if (v.stages.contains(stage)) {
      return;
    }
    for (Version other : e.versions.values()) {
      other.stages.remove(stage);
    }
    v.stages.add(stage);
    if (stage.equals("AWSCURRENT") && oldCurrent != null && oldCurrent != v) {
      for (Version other : e.versions.values()) {
        other.stages.remove("AWSPREVIOUS");
      }
      oldCurrent.stages.add("AWSPREVIOUS");
    }
  }

  private Version newVersion(Entry e, String token, String value) {
    Version v = new Version(token, value, clock);
    e.versions.put(token, v);
    return v;
  }

  private static Version labelled(Entry e, String stage) {
    for (Version v : e.versions.values()) {
      if (v.stages.contains(stage)) {
        return v;
      }
    }
    return null;
  }

  private static Map<String, Object> base(Entry e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ARN", e.arn);
    out.put("Name", e.name);
    return out;
  }

  private Entry find(String nameOrArn) {
    if (nameOrArn.startsWith("arn:")) {
      for (Entry e : secrets.values()) {
        if (e.arn.equals(nameOrArn)) {
          return e;
        }
      }
      return null;
    }
    return secrets.get(nameOrArn);
  }

  private Entry require(String nameOrArn) {
    Entry e = find(nameOrArn);
    if (e == null) {
      throw notFound();
    }
    return e;
  }

  private Entry live(String nameOrArn) {
    Entry e = require(nameOrArn);
    if (e.deleted) {
      throw new AwsError(
          "InvalidRequestException",
          "You can't perform this operation on the secret because it was marked for deletion.");
    }
    return e;
  }

  private static AwsError notFound() {
    return new AwsError(
        "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
  }

  private String token(Map<String, Object> r) {
    Object t = r.get("ClientRequestToken");
    return t == null
        ? new java.util.UUID(random.nextLong(), random.nextLong()).toString()
        : (String) t;
  }

  private static String string(Map<String, Object> r, String field) {
    Object v = r.get(field);
    if (!(v instanceof String s) || s.isEmpty()) {
      throw new AwsError("InvalidParameterException", "missing " + field);
    }
    return s;
  }
}
