package dev.keyward.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Validates root permissions the way Unkey's dashboard does, with helpful messages. */
final class RootPermissionParser {
  private RootPermissionParser() {}

  static RootPermission parse(String permission) {
    if (permission.isEmpty()) {
      throw format("empty permission; expected type.id.action such as api.*.verify_key");
    }
    if (permission.length() > RootPermission.MAX_LENGTH) {
      throw format("permission is longer than " + RootPermission.MAX_LENGTH + " characters");
    }
    for (int i = 0; i < permission.length(); i++) {
      char c = permission.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw format(
            "whitespace or control character "
                + OffendingToken.quote(c)
                + " at index "
                + i
                + "; a permission has none");
      }
    }
    if (permission.equals("*")) {
      return RootPermission.LEGACY_WILDCARD;
    }
    if (permission.startsWith(UrnPermission.PREFIX)) {
      return UrnRootPermissions.parse(permission);
    }
    String[] parts = permission.split("\\.", -1);
    if (parts.length != 3) {
      throw format("expected 3 parts type.id.action separated by '.', found " + parts.length);
    }
    Optional<ResourceType> type = ResourceType.fromWireName(parts[0]);
    if (type.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (ResourceType t : ResourceType.values()) {
        names.add(t.wireName());
      }
      String nearest = nearest(parts[0], names);
      String suggestion = null;
      if (nearest != null) {
        try {
          suggestion = parse(nearest + "." + parts[1] + "." + parts[2]).toString();
        } catch (InvalidPermissionException e) {
          suggestion = null; // the id or action is wrong too: suggest only the type
        }
      }
      throw new InvalidPermissionException(
          "unknown resource type "
              + OffendingToken.quote(parts[0])
              + "; expected one of "
              + String.join(", ", names)
              + (nearest == null ? "" : "; did you mean '" + nearest + "'?"),
          InvalidPermissionException.Part.RESOURCE_TYPE,
          suggestion);
    }
    checkId(type.get(), parts[1]);
    Action action = checkAction(type.get(), parts[1], parts[2]);
    return RootPermission.trusted(type.get(), parts[1], action);
  }

  static void checkId(ResourceType type, String id) {
    if (type.acceptsId(id)) {
      return;
    }
    String expected =
        type == ResourceType.KEYWARD
            ? "'*' (keyward's root-key permission has no id)"
            : "'*' or " + type.idPrefix().orElse("") + "_ followed by 8 to 32 letters or digits";
    throw new InvalidPermissionException(
        "invalid id "
            + OffendingToken.quote(id)
            + " for resource type '"
            + type.wireName()
            + "'; expected "
            + expected,
        InvalidPermissionException.Part.RESOURCE_ID,
        null);
  }

  static Action checkAction(ResourceType type, String id, String actionName) {
    Optional<Action> action = Action.fromWireName(actionName);
    if (action.isPresent() && type.allows(action.get())) {
      return action.get();
    }
    List<String> names = new ArrayList<>();
    for (Action a : type.actions()) {
      names.add(a.wireName());
    }
    String nearest = nearest(actionName, names);
    StringBuilder message =
        new StringBuilder()
            .append("unknown action ")
            .append(OffendingToken.quote(actionName))
            .append(" for resource type '")
            .append(type.wireName())
            .append('\'');
    if (action.isPresent()) {
      for (ResourceType other : ResourceType.values()) {
        if (other.allows(action.get())) {
          message.append(" (it belongs to resource type '").append(other.wireName()).append("')");
          break;
        }
      }
    }
    String shownId = OffendingToken.looksLikeKey(id) || id.length() > 48 ? "<id>" : id;
    String suggestion = nearest == null ? null : type.wireName() + "." + shownId + "." + nearest;
    if (suggestion != null) {
      message.append("; did you mean '").append(suggestion).append("'?");
    } else {
      message.append("; expected one of ").append(String.join(", ", names));
    }
    throw new InvalidPermissionException(
        message.toString(), InvalidPermissionException.Part.ACTION, suggestion);
  }

  static InvalidPermissionException format(String message) {
    return new InvalidPermissionException(message, InvalidPermissionException.Part.FORMAT, null);
  }

  /** The candidate closest to {@code input} by edit distance, if it is close enough to help. */
  static @Nullable String nearest(String input, List<String> candidates) {
    if (input.length() > 64) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(input, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best == null) {
      return null;
    }
    int allowed = Math.max(2, Math.min(input.length(), best.length()) / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** Levenshtein distance, case-insensitive. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      char ca = Character.toLowerCase(a.charAt(i - 1));
      for (int j = 1; j <= b.length(); j++) {
        int cost = ca == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
