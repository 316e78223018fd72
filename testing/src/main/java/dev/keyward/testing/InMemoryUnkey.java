package dev.keyward.testing;

import dev.keyward.Analytics;
import dev.keyward.Apis;
import dev.keyward.Identities;
import dev.keyward.Keys;
import dev.keyward.Permissions;
import dev.keyward.Ratelimits;
import dev.keyward.RootKeys;
import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.Liveness;
import dev.keyward.permission.Recording;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stateful, thread-safe Unkey workspace in memory, behaving as Unkey's handlers do: keys are
 * stored as hashes only (the plaintext is returned once, at create and reroll), verifications spend
 * credits and rate-limit tokens exactly, and every call authenticates as a root key.
 *
 * <p>The instance {@link #builder()} returns authenticates as the workspace's bootstrap key, which
 * holds every permission; {@link #as(Secret)} gives a view that authenticates as another root key.
 *
 * <pre>{@code
 * TestClock clock = TestClock.create();
 * InMemoryUnkey unkey = InMemoryUnkey.builder().clock(clock).build();
 * }</pre>
 */
public final class InMemoryUnkey implements Unkey {
  private final Workspace ws;
  private final String rootHash;
  private final InMemoryKeys keys;
  private final InMemoryApis apis;
  private final InMemoryPermissions permissions;
  private final InMemoryIdentities identities;
  private final InMemoryRatelimits ratelimits;
  private final InMemoryAnalytics analytics;
  private final InMemoryRootKeys rootKeys;

  private final boolean recorded;

  private InMemoryUnkey(Workspace ws, String rootHash) {
    this(ws, rootHash, true);
  }

  private InMemoryUnkey(Workspace ws, String rootHash, boolean recorded) {
    this.ws = ws;
    this.rootHash = rootHash;
    this.recorded = recorded;
    this.keys = new InMemoryKeys(ws, rootHash, recorded);
    this.apis = new InMemoryApis(ws, rootHash, recorded, keys);
    this.permissions = new InMemoryPermissions(ws, rootHash, recorded);
    this.identities = new InMemoryIdentities(ws, rootHash, recorded);
    this.ratelimits = new InMemoryRatelimits(ws, rootHash, recorded);
    this.analytics = new InMemoryAnalytics(ws, rootHash, recorded);
    this.rootKeys = new InMemoryRootKeys(ws, rootHash, recorded);
  }

  /** Starts building a new, empty workspace. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view of the same workspace that authenticates as {@code rootKey}: calls answer 401 if the key
   * is unknown, 403 (or Unkey's masking) if it lacks a permission.
   */
  public InMemoryUnkey as(Secret rootKey) {
    Objects.requireNonNull(rootKey, "rootKey == null");
    return new InMemoryUnkey(ws, rootKey.hash(), recorded);
  }

  /**
   * Every permission check this workspace made, through any view or a {@link FakeUnkeyServer} in
   * front of it, and the resources created with their names; read it with {@code
   * LeastPrivilege.from(unkey.recording())}.
   */
  public Recording recording() {
    return ws.recording;
  }

  /**
   * A view of the same workspace, as the same root key, whose permission checks are not recorded:
   * for a test's setup (creating the API a service uses, say), which the service never does.
   * Resources it creates are still noted with their names.
   */
  public InMemoryUnkey unrecorded() {
    return new InMemoryUnkey(ws, rootHash, false);
  }

  /**
   * The port's name for {@link #as(Secret)}: a view of the same workspace acting as {@code
   * rootKey}.
   */
  @Override
  public InMemoryUnkey withRootKey(Secret rootKey) {
    return as(rootKey);
  }

  /** The workspace's bootstrap root key, which holds every permission. A local test credential. */
  public Secret bootstrapKey() {
    return ws.bootstrapSecret;
  }

  /**
   * The workspace's id, as Unkey's resource permissions name it: {@code
   * unkey:v1:<workspaceId>:keyspaces/<keyspaceId>#create_key}.
   */
  public String workspaceId() {
    return ws.id;
  }

  /**
   * The id of an API's key space, which Unkey's resource permissions name instead of the API id
   * (Unkey's API answers do not show it).
   *
   * @throws IllegalArgumentException if no live API has that id (the id is not quoted)
   */
  public String keyspaceId(String apiId) {
    Objects.requireNonNull(apiId, "apiId == null");
    synchronized (ws.lock) {
      StoredApi api = ws.api(apiId);
      if (api == null) {
        throw new IllegalArgumentException("no such API");
      }
      return api.keySpaceId;
    }
  }

  /** The clock this workspace reads. */
  public Clock clock() {
    return ws.clock;
  }

  @Override
  public Keys keys() {
    return keys;
  }

  @Override
  public Apis apis() {
    return apis;
  }

  @Override
  public Permissions permissions() {
    return permissions;
  }

  @Override
  public Identities identities() {
    return identities;
  }

  @Override
  public Ratelimits ratelimits() {
    return ratelimits;
  }

  @Override
  public Analytics analytics() {
    return analytics;
  }

  @Override
  public RootKeys rootKeys() {
    return rootKeys;
  }

  /** Turns on delete protection for an API, so {@code apis.deleteApi} answers 412 as Unkey does. */
  public void protectApi(String apiId) {
    synchronized (ws.lock) {
      StoredApi api = ws.api(apiId);
      if (api == null) {
        throw new IllegalArgumentException("no such API");
      }
      api.deleteProtection = true;
    }
  }

  @Override
  public Liveness liveness() {
    return new Liveness("OK", ws.requestId());
  }

  Workspace workspace() {
    return ws;
  }

  /** The bootstrap view of a workspace built elsewhere (a restored snapshot). */
  static InMemoryUnkey of(Workspace ws) {
    return new InMemoryUnkey(ws, ws.bootstrap.hash);
  }

  @Override
  public String toString() {
    return "InMemoryUnkey{workspace=" + ws.id + "}";
  }

  /** Builds an {@link InMemoryUnkey}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable SecureRandom random;
    private @Nullable Secret bootstrapKey;

    Builder() {}

    /** The clock for expiry, refills and rate windows; a {@link TestClock} in tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** The randomness for new keys. */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Uses {@code bootstrapKey} as the workspace's all-powerful root key instead of a random one.
     */
    public Builder bootstrapKey(Secret bootstrapKey) {
      this.bootstrapKey = Objects.requireNonNull(bootstrapKey, "bootstrapKey == null");
      return this;
    }

    /** Builds the workspace and returns its bootstrap view. */
    public InMemoryUnkey build() {
      Workspace ws =
          new Workspace(clock, random != null ? random : new SecureRandom(), bootstrapKey);
      return new InMemoryUnkey(ws, ws.bootstrap.hash);
    }
  }
}
