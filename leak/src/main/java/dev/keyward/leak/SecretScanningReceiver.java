package dev.keyward.leak;

import dev.keyward.Unkey;
import dev.keyward.key.KeyFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub's secret-scanning partner endpoint, without HTTP: give it the raw body and the two
 * signature headers, write back the {@link ReceiverResponse}. The servlet and Spring wrappers do
 * only that.
 *
 * <pre>{@code
 * SecretScanningReceiver receiver = SecretScanningReceiver.builder(unkey, verifier)
 *     .apiKeyPrefixes("sk_live")
 *     .dedupeStore(LeakDedupeStore.file(Path.of("/var/lib/app/leaks.log")))
 *     .notifier(notice -> mailer.tell(notice.ownerExternalId(), notice))
 *     .build();
 * ReceiverResponse r = receiver.receive(body, identifierHeader, signatureHeader);
 * }</pre>
 *
 * <h2>What each request gets</h2>
 *
 * <ol>
 *   <li>A body over {@link Builder#maxBodyBytes} (1 MiB): 413, before the signature is checked.
 *   <li>A missing or invalid signature: 401, before any parsing; nothing else happens.
 *   <li>Not a JSON array of objects with a string {@code token} (trailing data, a non-string field,
 *       invalid JSON): 400. Unknown fields are ignored; {@code type}, {@code url} and {@code
 *       source} may be missing or null.
 *   <li>More than {@link Builder#maxTokens} matches (10,000): 413, nothing is classified.
 *   <li>Otherwise 200 with GitHub's feedback: one {@code {"token_hash","token_type","label"}} per
 *       distinct token, {@code token_hash} being the lowercase hex SHA-256 of the token's UTF-8.
 * </ol>
 *
 * <h2>How a token is labelled</h2>
 *
 * A token longer than Unkey's 512 characters, or of a shape that is neither {@code unkey_…} nor one
 * of {@link Builder#apiKeyPrefixes}, is {@code false_positive} at once. A root key is {@code
 * true_positive} if its Unkey hash is one of the {@link KnownRootKeys}; an API key if {@code
 * keys.whoami} finds it (404: {@code false_positive}). Lookups run on at most {@link
 * Builder#classifyConcurrency} threads; a token not classified within {@link Builder#answerWithin}
 * (20 s; GitHub waits 30 s), or whose lookup failed (5xx, transport), is left out of the answer:
 * its lookup continues after the answer and a live key is still revoked. Every live key found is
 * recorded in the {@link LeakDedupeStore} before it is handed to the playbook on {@link
 * Builder#playbookExecutor}, so a redelivery answers {@code true_positive} again and changes
 * nothing. An exception inside the receiver is a 500 with a fixed message.
 *
 * <p>No token reaches a log line, an exception message or a {@code toString()}: logs carry key ids,
 * counts and the first 12 hex digits of a token's hash.
 */
public final class SecretScanningReceiver implements AutoCloseable {
  /** Default and usual limit on a report's body: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  /** Default limit on matches in one report. */
  public static final int DEFAULT_MAX_TOKENS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(SecretScanningReceiver.class);

  private final GitHubSignatureVerifier verifier;
  private final TokenClassifier classifier;
  private final LeakDedupeStore store;
  private final LeakDedupeStore fallback = LeakDedupeStore.inMemory();
  private final LeakPlaybook playbook;
  private final ExecutorService lookups;
  private final @Nullable ExecutorService ownedPlaybookExecutor;
  private final Duration answerWithin;
  private final int maxBodyBytes;
  private final int maxTokens;

  private SecretScanningReceiver(Builder b) {
    verifier = b.verifier;
    classifier = new TokenClassifier(b.unkey, b.prefixes, b.rootKeys);
    store = b.store;
    answerWithin = b.answerWithin;
    maxBodyBytes = b.maxBodyBytes;
    maxTokens = b.maxTokens;
    lookups = Executors.newFixedThreadPool(b.classifyConcurrency, daemons("keyward-leak-lookup"));
    Executor playbookExecutor = b.playbookExecutor;
    ownedPlaybookExecutor =
        playbookExecutor == null
            ? Executors.newFixedThreadPool(2, daemons("keyward-leak-playbook"))
            : null;
    playbook =
        new LeakPlaybook(
            b.unkey,
            b.action,
            b.responder,
            b.notifier,
            this::markDone,
            this::isDone,
            playbookExecutor != null ? playbookExecutor : ownedPlaybookExecutor);
  }

  /** Starts a receiver that looks keys up and revokes them through {@code unkey}. */
  public static Builder builder(Unkey unkey, GitHubSignatureVerifier verifier) {
    return new Builder(unkey, verifier);
  }

  /** The largest body {@link #receive} accepts: a wrapper may stop reading one byte after it. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Handles one report. Never throws.
   *
   * @param rawBody the request body exactly as received (null when there was none)
   * @param keyIdentifier the {@code Github-Public-Key-Identifier} header, null when absent
   * @param signature the {@code Github-Public-Key-Signature} header, null when absent
   */
  public ReceiverResponse receive(
      byte @Nullable [] rawBody, @Nullable String keyIdentifier, @Nullable String signature) {
    try {
      if (rawBody != null && rawBody.length > maxBodyBytes) {
        return ReceiverResponse.error(413, "the report is larger than this endpoint accepts");
      }
      if (!verifier.verify(rawBody, keyIdentifier, signature)) {
        return ReceiverResponse.error(401, "missing or invalid GitHub signature");
      }
      List<ReportedToken> tokens;
      try {
        tokens = ReportParser.parse(rawBody, maxTokens);
      } catch (ReportParser.MalformedReport e) {
        return ReceiverResponse.error(400, "the report is not a JSON array of matches");
      } catch (ReportParser.TooManyTokens e) {
        return ReceiverResponse.error(413, "the report has more matches than this endpoint takes");
      }
      return answer(tokens);
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      log.error("secret scanning report failed: {}", e.getClass().getName());
      return ReceiverResponse.error(500, "the report could not be processed");
    }
  }

  private ReceiverResponse answer(List<ReportedToken> tokens) {
    long deadline = System.nanoTime() + answerWithin.toNanos(); // monotonic, like callTimeout
    Map<String, ReportedToken> distinct = new LinkedHashMap<>();
    for (ReportedToken t : tokens) {
      distinct.putIfAbsent(TokenHashes.of(t.token()), t);
    }
    Map<String, CompletableFuture<FeedbackLabel>> labels = new LinkedHashMap<>();
    for (Map.Entry<String, ReportedToken> e : distinct.entrySet()) {
      labels.put(e.getKey(), start(e.getKey(), e.getValue()));
    }
    List<ReportParser.Feedback> feedback = new ArrayList<>();
    int late = 0;
    int failed = 0;
    int live = 0;
    for (Map.Entry<String, CompletableFuture<FeedbackLabel>> e : labels.entrySet()) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        FeedbackLabel label = e.getValue().get(left, TimeUnit.NANOSECONDS);
        live += label == FeedbackLabel.TRUE_POSITIVE ? 1 : 0;
        feedback.add(new ReportParser.Feedback(e.getKey(), distinct.get(e.getKey()).type(), label));
      } catch (TimeoutException ex) {
        late++;
      } catch (ExecutionException ex) {
        failed++;
        log.warn(
            "token {} left unclassified: {}",
            TokenHashes.shortForm(e.getKey()),
            ex.getCause().getClass().getName());
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        late++;
      }
    }
    log.info(
        "secret scanning report: {} matches, {} distinct, {} live, {} unanswered in time, {}"
            + " failed",
        tokens.size(),
        distinct.size(),
        live,
        late,
        failed);
    return new ReceiverResponse(200, ReportParser.write(feedback));
  }

  private CompletableFuture<FeedbackLabel> start(String hash, ReportedToken t) {
    Optional<LeakRecord> known = find(hash);
    if (known.isPresent()) {
      LeakRecord r = known.get();
      if (!r.done() && !playbook.inFlight(hash)) {
        playbook.submit(Finding.of(r, t)); // recorded by a run that stopped before finishing
      }
      return CompletableFuture.completedFuture(FeedbackLabel.TRUE_POSITIVE);
    }
    if (classifier.shape(t.token()) == TokenClassifier.Shape.NOT_OURS) {
      return CompletableFuture.completedFuture(FeedbackLabel.FALSE_POSITIVE);
    }
    return CompletableFuture.supplyAsync(() -> classifyAndClaim(hash, t), lookups);
  }

  private FeedbackLabel classifyAndClaim(String hash, ReportedToken t) {
    Finding finding = classifier.classify(t, hash);
    if (finding == null) {
      // a 404 after a concurrent delivery recorded and revoked it: the token was live
      return find(hash).isPresent() ? FeedbackLabel.TRUE_POSITIVE : FeedbackLabel.FALSE_POSITIVE;
    }
    if (claim(finding.record()) == finding.record()) {
      playbook.submit(finding); // only the run that recorded it acts
    }
    return FeedbackLabel.TRUE_POSITIVE;
  }

  private Optional<LeakRecord> find(String hash) {
    try {
      return store.find(hash).or(() -> fallback.find(hash));
    } catch (RuntimeException e) {
      log.error("dedupe store read failed: {}", e.getClass().getName());
      return fallback.find(hash);
    }
  }

  /** Records first; a store that fails must not keep a live key alive, so memory stands in. */
  private LeakRecord claim(LeakRecord record) {
    try {
      return store.claim(record);
    } catch (RuntimeException e) {
      log.error(
          "dedupe store write failed ({}); key {} is handled, remembered in memory only",
          e.getClass().getName(),
          record.keyId());
      return fallback.claim(record);
    }
  }

  private boolean isDone(String hash) {
    if (fallback.find(hash).map(LeakRecord::done).orElse(false)) {
      return true;
    }
    try {
      return store.find(hash).map(LeakRecord::done).orElse(false);
    } catch (RuntimeException e) {
      log.error("dedupe store read failed: {}", e.getClass().getName());
      return false;
    }
  }

  private void markDone(String hash) {
    fallback.markDone(hash);
    try {
      store.markDone(hash);
    } catch (RuntimeException e) {
      log.error("dedupe store write failed: {}", e.getClass().getName());
    }
  }

  /**
   * Stops the lookup threads (and the playbook threads the receiver created); tasks already queued
   * still run. An executor given to {@link Builder#playbookExecutor} is left alone.
   */
  @Override
  public void close() {
    lookups.shutdown();
    if (ownedPlaybookExecutor != null) {
      ownedPlaybookExecutor.shutdown();
    }
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    return "SecretScanningReceiver[" + verifier + ", " + store + "]";
  }

  /** Configures a {@link SecretScanningReceiver}. */
  public static final class Builder {
    private final Unkey unkey;
    private final GitHubSignatureVerifier verifier;
    private List<String> prefixes = List.of();
    private ApiKeyAction action = ApiKeyAction.REVOKE;
    private LeakNotifier notifier = LeakNotifier.NONE;
    private KnownRootKeys rootKeys = KnownRootKeys.NONE;
    private @Nullable RootKeyLeakResponder responder;
    private LeakDedupeStore store = LeakDedupeStore.inMemory();
    private @Nullable Executor playbookExecutor;
    private Duration answerWithin = Duration.ofSeconds(20);
    private int classifyConcurrency = 8;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxTokens = DEFAULT_MAX_TOKENS;

    Builder(Unkey unkey, GitHubSignatureVerifier verifier) {
      this.unkey = Objects.requireNonNull(unkey, "unkey == null");
      this.verifier = Objects.requireNonNull(verifier, "verifier == null");
    }

    /**
     * The prefixes of the API keys this deployment issues ({@code sk_live} for {@code sk_live_…});
     * a token of another prefix is {@code false_positive} without a lookup.
     */
    public Builder apiKeyPrefixes(String... prefixes) {
      for (String p : prefixes) {
        KeyFormat.checkPrefix(p);
      }
      this.prefixes = List.of(prefixes);
      return this;
    }

    /** What to do to a leaked API key: {@link ApiKeyAction#REVOKE} (default) or reroll. */
    public Builder apiKeyAction(ApiKeyAction action) {
      this.action = Objects.requireNonNull(action, "action == null");
      return this;
    }

    /** Told about every key the playbook handled. */
    public Builder notifier(LeakNotifier notifier) {
      this.notifier = Objects.requireNonNull(notifier, "notifier == null");
      return this;
    }

    /** The root keys this deployment knows, and the playbook for a leaked one. */
    public Builder rootKeys(KnownRootKeys rootKeys, RootKeyLeakResponder responder) {
      this.rootKeys = Objects.requireNonNull(rootKeys, "rootKeys == null");
      this.responder = Objects.requireNonNull(responder, "responder == null");
      return this;
    }

    /** Where found tokens are remembered (default: in memory). */
    public Builder dedupeStore(LeakDedupeStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /** Runs the playbook (default: two daemon threads of the receiver's own). */
    public Builder playbookExecutor(Executor executor) {
      this.playbookExecutor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /** How long a report waits for lookups before answering (default 20 s; GitHub allows 30). */
    public Builder answerWithin(Duration budget) {
      if (budget.isNegative() || budget.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("answerWithin must be between 0 and 5 minutes");
      }
      this.answerWithin = budget;
      return this;
    }

    /** How many {@code keys.whoami} calls run at once (default 8, 1..256). */
    public Builder classifyConcurrency(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("classifyConcurrency must be between 1 and 256");
      }
      this.classifyConcurrency = threads;
      return this;
    }

    /** The largest body accepted (default 1 MiB, 1..64 MiB); larger ones get 413. */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1 || bytes > 64 << 20) {
        throw new IllegalArgumentException("maxBodyBytes must be between 1 and 67108864");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** The most matches in one report (default 10,000, 1..100,000); more get 413. */
    public Builder maxTokens(int tokens) {
      if (tokens < 1 || tokens > 100_000) {
        throw new IllegalArgumentException("maxTokens must be between 1 and 100000");
      }
      this.maxTokens = tokens;
      return this;
    }

    /** Builds the receiver; it starts its lookup threads. */
    public SecretScanningReceiver build() {
      return new SecretScanningReceiver(this);
    }
  }
}
