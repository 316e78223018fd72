package dev.keyward.http;

import java.util.ArrayList;
import java.util.List;

/**
 * 200 bodies a hostile server may send, every one of which keyward must reject: a key in member
 * names at every level, in wrong-typed values, in {@code meta.requestId} and in unknown members;
 * duplicates, deep nesting, bad numbers, bad strings, trailing data and wrong shapes.
 */
public final class HostileBodies {
  /** The envelope's {@code meta} with a harmless request id. */
  public static final String META = "\"meta\":{\"requestId\":\"req_1\"}";

  /** A realistic {@code keys.verifyKey} data object's members. */
  public static final String DATA =
      "\"valid\":true,\"code\":\"VALID\",\"keyId\":\"key_2cGKbMxRyIzhCxo1Idjz8q\",\"name\":\"acme\","
          + "\"meta\":{\"plan\":\"pro\",\"seats\":12},\"expires\":1900000000000,\"credits\":950,"
          + "\"enabled\":true,\"permissions\":[\"documents.read\"],\"roles\":[\"editor\"],"
          + "\"identity\":{\"id\":\"id_1234567890\",\"externalId\":\"user_42\"},"
          + "\"ratelimits\":[{\"exceeded\":false,\"id\":\"rl_1234567890\",\"name\":\"requests\","
          + "\"limit\":100,\"duration\":60000,\"reset\":59000,\"remaining\":99,\"autoApply\":true}]";

  private static final String KEY_INFO =
      "\"keyId\":\"key_2cGKbMxRyIzhCxo1Idjz8q\",\"start\":\"sk_abc\",\"enabled\":true,"
          + "\"createdAt\":1700000000000";

  private HostileBodies() {}

  /** A well-formed verify answer with {@code requestId}. */
  public static String verifyOk(String requestId) {
    return "{\"meta\":{\"requestId\":\"" + requestId + "\"},\"data\":{" + DATA + "}}";
  }

  /** Malformed {@code keys.verifyKey} answers, each holding {@code key} somewhere. */
  public static List<String> verify(String key) {
    String k = "\"" + key + "\"";
    String ok = "\"valid\":true,\"code\":\"VALID\"";
    List<String> b = new ArrayList<>();
    // the key as a member name at every level, the answer made invalid elsewhere
    b.add("{" + k + ":1," + META + ",\"data\":{\"valid\":true,\"code\":\"NOT_FOUND\"}}");
    b.add("{" + META + ",\"data\":{" + k + ":{" + k + ":[1]},\"valid\":true,\"code\":\"x\"}}");
    b.add("{\"meta\":{" + k + ":" + k + ",\"requestId\":\"r\"},\"data\":{\"valid\":1}}");
    b.add("{\"meta\":{},\"data\":{" + ok + ",\"meta\":{" + k + ":{" + k + ":" + k + "}}}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"identity\":{" + k + ":1,\"id\":5}}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"ratelimits\":[{" + k + ":1}]}}");
    b.add("{" + META + ",\"data\":{" + k + ":");
    b.add("{" + META + ",\"data\":{" + ok + ",\"x\":" + nested(65, k) + "}}");
    // the key as a wrong-typed value
    b.add("{" + META + ",\"data\":{\"valid\":true,\"code\":" + k + "}}");
    b.add("{" + META + ",\"data\":{\"valid\":" + k + ",\"code\":\"VALID\"}}");
    for (String field : List.of("credits", "expires", "enabled", "keyId", "permissions")) {
      b.add("{" + META + ",\"data\":{" + ok + ",\"" + field + "\":{" + k + ":" + k + "}}}");
    }
    b.add("{" + META + ",\"data\":{" + ok + ",\"credits\":" + k + "}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"keyId\":[" + k + "]}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"roles\":[" + k + ",1]}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"meta\":[" + k + "]}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"ratelimits\":[{\"id\":" + k + ",\"limit\":1.5}]}}");
    // the key in meta.requestId
    b.add("{\"meta\":{\"requestId\":" + k + "},\"data\":{\"valid\":true,\"code\":\"NOT_FOUND\"}}");
    b.add("{\"meta\":{\"requestId\":[" + k + "]},\"data\":{" + DATA + "}}");
    b.add("{\"meta\":{\"requestId\":{" + k + ":" + k + "}},\"data\":{" + DATA + "}}");
    // duplicates: the stream rejects a wrong type in either place
    b.add("{" + META + ",\"data\":{" + DATA + ",\"code\":{" + k + ":1}}}");
    b.add("{" + META + ",\"data\":{" + DATA + ",\"valid\":" + k + "}}");
    b.addAll(mistypedFirstDuplicates(key));
    b.add("{" + META + ",\"data\":{" + DATA + "},\"data\":" + k + "}");
    // unknown members: over-deep, bad numbers, bad strings
    for (int depth : new int[] {65, 10_000}) {
      b.add("{" + META + ",\"data\":{" + DATA + "},\"x\":" + nested(depth, k) + "}");
      b.add(
          "{\"meta\":{\"requestId\":\"r\",\"x\":"
              + nested(depth, k)
              + "},\"data\":{"
              + DATA
              + "}}");
      b.add("{" + META + ",\"data\":{" + ok + ",\"meta\":" + nested(depth, k) + "}}");
      b.add("{" + META + ",\"data\":{" + ok + ",\"x\":" + "[".repeat(depth) + k + "}}");
    }
    b.add("{" + META + ",\"data\":{" + DATA + "}," + k + ":" + "9".repeat(65) + "}");
    b.add("{" + META + ",\"data\":{" + DATA + "}," + k + ":1e999999999999}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"credits\":1E400," + k + ":1}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"credits\":1e999999999}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"credits\":" + "1".repeat(64) + "}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"credits\":12.0}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"expires\":-0.0}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"name\":\"" + key + "\\q\"}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"name\":\"" + key + "\\uZZZZ\"}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"name\":'" + key + "'}}");
    b.add("{" + META + ",\"data\":{" + ok + "," + key + ":1}}");
    b.add("{" + META + ",\"data\":{" + ok + ",\"x\":NaN," + k + ":1}}");
    b.add("{" + META + ",/*" + key + "*/\"data\":{" + DATA + "}}");
    // wrong shapes, trailing data
    b.add(verifyOk("req_1") + " " + k);
    b.add(verifyOk("req_1") + "{" + k + ":1}");
    b.add(verifyOk(key) + "x");
    b.add("[" + verifyOk(key) + "]");
    b.add(k);
    b.add("");
    b.add("null");
    b.add("{\"meta\":{\"requestId\":" + k + "},\"data\":null}");
    b.add("{\"meta\":{\"requestId\":" + k + "},\"data\":[" + k + "]}");
    b.add("{\"meta\":{\"requestId\":" + k + "}}");
    b.add("{\"meta\":null,\"data\":{\"name\":" + k + "," + ok + "}}");
    return b;
  }

  /**
   * Verify answers with a mistyped member followed by a well-typed duplicate: the stream rejects
   * them, the tree (last value wins) does not.
   */
  public static List<String> mistypedFirstDuplicates(String key) {
    String k = "\"" + key + "\"";
    return List.of(
        "{" + META + ",\"data\":{\"code\":{" + k + ":1}," + DATA + "}}",
        "{" + META + ",\"data\":{\"valid\":" + k + "," + DATA + "}}",
        "{\"meta\":{\"requestId\":{" + k + ":1}}," + META + ",\"data\":{" + DATA + "}}");
  }

  /** Malformed {@code keys.getKey} answers, each holding {@code key} somewhere. */
  public static List<String> getKey(String key) {
    String k = "\"" + key + "\"";
    List<String> b = new ArrayList<>();
    b.add("{" + k + ":1," + META + ",\"data\":{" + KEY_INFO + ",\"enabled\":" + k + "}}");
    b.add("{" + META + ",\"data\":{" + k + ":" + k + "," + KEY_INFO + ",\"createdAt\":1.5}}");
    b.add("{" + META + ",\"data\":{" + KEY_INFO + ",\"plaintext\":" + k + ",\"start\":7}}");
    b.add("{" + META + ",\"data\":{" + KEY_INFO + ",\"plaintext\":\"" + key + " x\"}}");
    b.add("{" + META + ",\"data\":{" + KEY_INFO + ",\"plaintext\":{" + k + ":1}}}");
    b.add(
        "{"
            + META
            + ",\"data\":{"
            + KEY_INFO
            + ",\"credits\":{"
            + k
            + ":\"x\",\"remaining\":1.5}}}");
    b.add("{" + META + ",\"data\":{" + KEY_INFO + ",\"identity\":{" + k + ":1}}}");
    b.add("{" + META + ",\"data\":{" + KEY_INFO + ",\"meta\":" + nested(65, k) + "}}");
    b.add("{" + META + ",\"data\":{" + KEY_INFO + ",\"meta\":{" + k + ":" + k + "}},\"x\":}");
    b.add("{\"meta\":{\"requestId\":{" + k + ":" + k + "}},\"data\":{" + KEY_INFO + "}}");
    b.add("{" + META + ",\"data\":{" + KEY_INFO + ",\"ratelimits\":[{" + k + ":1}]}}");
    b.add("{" + META + ",\"data\":{" + KEY_INFO + "}}" + k);
    b.add("{" + META + ",\"data\":{" + KEY_INFO + ",\"expires\":1E400}}");
    b.add("{" + META + ",\"data\":[" + k + "]}");
    return b;
  }

  /** Malformed {@code apis.listKeys} answers, each holding {@code key} somewhere. */
  public static List<String> listKeys(String key) {
    String k = "\"" + key + "\"";
    List<String> b = new ArrayList<>();
    b.add("{" + META + ",\"data\":[{" + KEY_INFO + "},{" + k + ":1}]}");
    b.add("{" + META + ",\"data\":[{" + KEY_INFO + "}," + k + "]}");
    b.add("{" + META + ",\"data\":{" + k + ":{" + KEY_INFO + "}}}");
    b.add("{" + META + ",\"data\":[],\"pagination\":{\"cursor\":{" + k + ":1}}}");
    b.add("{" + META + ",\"data\":[],\"pagination\":{" + k + ":" + nested(65, k) + "}}");
    b.add("{" + META + ",\"data\":[],\"pagination\":{\"hasMore\":" + k + "}}");
    b.add("{" + META + ",\"data\":[{" + KEY_INFO + ",\"roles\":[" + k + ",{}]}]}");
    // data is required: null or absent is no empty page
    b.add("{\"meta\":{\"requestId\":" + k + "},\"data\":null,\"pagination\":{}}");
    b.add("{\"meta\":{\"requestId\":" + k + "},\"pagination\":{\"hasMore\":false}}");
    b.add("{" + META + ",\"data\":[" + "[".repeat(10_000) + k + "]}");
    return b;
  }

  /** {@code depth} nested objects with {@code name} as each member name. */
  public static String nested(int depth, String name) {
    return (("{" + name + ":").repeat(depth - 1)) + "{}" + "}".repeat(depth - 1);
  }
}
