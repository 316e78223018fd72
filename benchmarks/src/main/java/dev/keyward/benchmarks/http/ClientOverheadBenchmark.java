package dev.keyward.benchmarks.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.Verification;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * keyward's per-call overhead off the network: {@code keys.verifyKey} through {@link
 * UnkeyHttpClient} whose OkHttp client answers from an {@code Interceptor} with a canned response,
 * against the baseline: Moshi (reflective record adapters) encoding the same request and decoding
 * the same response. Target: {@code keywardOffNetwork / moshiEncodeDecode ≤ 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ClientOverheadBenchmark {
  // Plain classes, not records: the shaded benchmarks.jar is not a multi-release jar, so Moshi's
  // record
  // support (in META-INF/versions/16) is absent there.

  /** The baseline's request DTO. */
  public static final class VerifyRequestDto {
    public String key;
  }

  /** The baseline's response DTO. */
  public static final class VerifyResponseDto {
    public MetaDto meta;
    public DataDto data;
  }

  /** {@code meta}. */
  public static final class MetaDto {
    public String requestId;
  }

  /** {@code data}. */
  public static final class DataDto {
    public boolean valid;
    public String code;
    public String keyId;
    public String name;
    public Map<String, Object> meta;
    public Long expires;
    public Long credits;
    public Boolean enabled;
    public List<String> permissions;
    public List<String> roles;
    public IdentityDto identity;
    public List<RatelimitDto> ratelimits;
  }

  /** {@code identity}. */
  public static final class IdentityDto {
    public String id;
    public String externalId;
  }

  /** {@code ratelimits[]}. */
  public static final class RatelimitDto {
    public boolean exceeded;
    public String id;
    public String name;
    public long limit;
    public long duration;
    public long reset;
    public long remaining;
    public boolean autoApply;
  }

  private static final MediaType JSON = MediaType.get("application/json");
  private static final byte[] RESPONSE =
      Canned.RESPONSE_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private UnkeyHttpClient keyward;
  private OkHttpClient canned;
  private Request rawRequest;
  private JsonAdapter<VerifyRequestDto> requestAdapter;
  private JsonAdapter<VerifyResponseDto> responseAdapter;
  private final VerifyRequestDto requestDto = new VerifyRequestDto();

  @Setup
  public void setUp() throws IOException {
    Canned.quietLogs();
    requestDto.key = Canned.API_KEY;
    canned =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .body(ResponseBody.create(RESPONSE, JSON))
                        .build())
            .build();
    keyward =
        UnkeyHttpClient.builder()
            .baseUrl("http://unkey.invalid/")
            .rootKey(Canned.ROOT_KEY)
            .okHttpClient(canned)
            .build();
    rawRequest =
        new Request.Builder()
            .url("http://unkey.invalid/v2/keys.verifyKey")
            .header("Authorization", "Bearer " + Canned.ROOT_KEY.reveal())
            .post(RequestBody.create(Canned.REQUEST_JSON, JSON))
            .build();
    Moshi moshi = new Moshi.Builder().build();
    requestAdapter = moshi.adapter(VerifyRequestDto.class);
    responseAdapter = moshi.adapter(VerifyResponseDto.class);
    if (!keyward.keys().verify(Canned.REQUEST).valid() || !moshiEncodeDecode().data.valid) {
      throw new IllegalStateException("a benchmark did not read a valid verification");
    }
    if (!requestAdapter.toJson(requestDto).equals(Canned.REQUEST_JSON)) {
      throw new IllegalStateException("the baseline does not encode the same JSON");
    }
  }

  @Benchmark
  public Verification keywardOffNetwork() {
    return keyward.keys().verify(Canned.REQUEST);
  }

  /**
   * Not a target's baseline: the round trip benchmark's raw OkHttp call on the same canned client,
   * so that {@code keywardOffNetwork - rawOkHttpOffNetwork} is keyward's CPU cost per call above
   * OkHttp.
   */
  @Benchmark
  public String rawOkHttpOffNetwork() throws IOException {
    try (Response r = canned.newCall(rawRequest).execute()) {
      return r.body().string();
    }
  }

  @Benchmark
  public VerifyResponseDto moshiEncodeDecode() throws IOException {
    String body = requestAdapter.toJson(requestDto);
    if (body.isEmpty()) {
      throw new IllegalStateException();
    }
    return responseAdapter.fromJson(Canned.RESPONSE_JSON);
  }
}
