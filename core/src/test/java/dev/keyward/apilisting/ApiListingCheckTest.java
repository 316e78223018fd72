package dev.keyward.apilisting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing generator and the comparison, each with a control that must trip. */
class ApiListingCheckTest {
  @TempDir Path temp;

  @Test
  void fixture_listsPublicAndProtectedMembersOnly() {
    assertThat(ApiListing.header(ApiFixture.class))
        .isEqualTo(
            "public abstract class dev.keyward.apilisting.ApiFixture<T extends"
                + " java.lang.Comparable<T>> implements java.util.function.Supplier<T>");
    assertThat(ApiListing.members(ApiFixture.class))
        .containsExactly(
            "public static final int dev.keyward.apilisting.ApiFixture.LIMIT",
            "protected java.util.List<? extends T> dev.keyward.apilisting.ApiFixture.values",
            "protected dev.keyward.apilisting.ApiFixture(java.lang.String)",
            "public dev.keyward.apilisting.ApiFixture()",
            "protected abstract void dev.keyward.apilisting.ApiFixture.apply(T)",
            "@java.lang.Deprecated public java.lang.String"
                + " dev.keyward.apilisting.ApiFixture.hidden()",
            "public static <E> java.util.List<E> dev.keyward.apilisting.ApiFixture.listOf(E...)"
                + " throws java.io.IOException");
  }

  @Test
  void nestedTypes_keepTheirKindAndSkipBridgesAndPrivateTypes() {
    assertThat(ApiListing.header(ApiFixture.Mode.class))
        .isEqualTo("public enum dev.keyward.apilisting.ApiFixture$Mode");
    assertThat(ApiListing.members(ApiFixture.Mode.class))
        .contains(
            "public static final enum-constant dev.keyward.apilisting.ApiFixture$Mode"
                + " dev.keyward.apilisting.ApiFixture$Mode.ONE");
    assertThat(ApiListing.header(ApiFixture.Pair.class))
        .isEqualTo("protected record dev.keyward.apilisting.ApiFixture$Pair");
    assertThat(ApiListing.members(ApiFixture.Pair.class))
        .contains("public int dev.keyward.apilisting.ApiFixture$Pair.right()");
    assertThat(ApiListing.header(ApiFixture.Shape.class))
        .isEqualTo(
            "public sealed interface dev.keyward.apilisting.ApiFixture$Shape permits"
                + " dev.keyward.apilisting.ApiFixture$Circle,"
                + " dev.keyward.apilisting.ApiFixture$Square");
    assertThat(ApiListing.members(ApiFixture.Narrowing.class))
        .containsExactly(
            "public dev.keyward.apilisting.ApiFixture$Narrowing()",
            "public java.lang.String dev.keyward.apilisting.ApiFixture$Narrowing.get()");
    assertThat(ApiListing.isApi(ApiFixture.Holder.class)).isTrue();
    assertThat(ApiListing.isApi(ApiFixture.useInvisible().getClass())).isFalse();
  }

  @Test
  void qualifiedAndMissingExports_areLeftOut() throws Exception {
    Path classes = compileModule();
    assertThat(ApiListing.exportedPackages(classes)).containsExactly("m.api");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      List<String> listing = ApiListing.of(classes, loader);
      assertThat(listing).isEqualTo(ApiListing.of(classes, loader));
      assertThat(listing)
          .containsExactly(
              "public final class m.api.Api",
              "  public m.api.Api()",
              "  public void m.api.Api.go()");
    }
  }

  @Test
  void listingThatDiffersByOneLine_failsWithTheDiffAndTheCommand() throws Exception {
    Path classes = compileModule();
    Path file = temp.resolve("api/m.api");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        new ApiListingCheck(classes, file, true).run();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
            .isEqualTo(
                "public final class m.api.Api\n"
                    + "  public m.api.Api()\n"
                    + "  public void m.api.Api.go()\n");
        new ApiListingCheck(classes, file, false).run(); // the control: equal listings pass

        Files.writeString(
            file,
            "public final class m.api.Api\n  public m.api.Api()\n  public void m.api.Api.stop()\n");
        assertThatThrownBy(() -> new ApiListingCheck(classes, file, false).run())
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("+ public void m.api.Api.go()")
            .hasMessageContaining("- public void m.api.Api.stop()")
            .hasMessageContaining(ApiListingCheck.UPDATE_COMMAND);
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  @Test
  void difference_reportsReorderingButNothingForEqualListings() {
    assertThat(ApiListingCheck.difference(List.of("a", "b"), List.of("a", "b"))).isEmpty();
    assertThat(ApiListingCheck.difference(List.of("b", "a"), List.of("a", "b")))
        .contains("different order");
  }

  @Test
  void internalLeaks_namesEveryTypeOfAnInternalPackageAndNothingElse() {
    assertThat(
            ApiListingCheck.internalLeaks(
                List.of(
                    "public final class dev.keyward.http.UnkeyHttpClient implements"
                        + " dev.keyward.Unkey",
                    "  public okhttp3.Response dev.keyward.http.RedactingHttpLogger.intercept("
                        + "okhttp3.Interceptor$Chain)",
                    "  public void dev.keyward.model.Ack.internalize(java.lang.String)")))
        .isEmpty();
    String leaks =
        ApiListingCheck.internalLeaks(
            List.of(
                "  public static dev.keyward.http.internal.WireCodec dev.keyward.http.X.codec()",
                "  public void dev.keyward.model.Ack.check(dev.keyward.internal.Constraints$Rule)",
                "  public void dev.keyward.model.Ack.fine()"));
    assertThat(leaks.lines())
        .hasSize(2)
        .anyMatch(l -> l.startsWith("  dev.keyward.http.internal.WireCodec in: "))
        .anyMatch(l -> l.startsWith("  dev.keyward.internal.Constraints$Rule in: "));
  }

  /** Compiles a module that exports m.api, exports m.friend only to java.base, hides m.hidden. */
  private Path compileModule() throws IOException {
    Path src = temp.resolve("src");
    write(src, "module-info.java", "module m { exports m.api; exports m.friend to java.base; }");
    write(src, "m/api/Api.java", "package m.api; public final class Api { public void go() {} }");
    write(src, "m/friend/Friend.java", "package m.friend; public class Friend {}");
    write(src, "m/hidden/Hidden.java", "package m.hidden; public class Hidden {}");
    Path classes = temp.resolve("classes");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn"));
    try (var files = Files.walk(src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    assertThat(javac.run(System.out, System.err, args.toArray(new String[0]))).isZero();
    return classes;
  }

  private static void write(Path root, String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
