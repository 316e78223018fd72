package dev.keyward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Core's architecture rules (DESIGN.md "Packages"), each with a positive control that must trip.
 */
class ArchitectureTest {
  private static JavaClasses core;

  /** Assigns each class of dev.keyward to its own package (the root package is one slice). */
  private static final SliceAssignment PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String pkg = javaClass.getPackageName();
          return pkg.equals("dev.keyward") || pkg.startsWith("dev.keyward.")
              ? SliceIdentifier.of(pkg)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "packages of dev.keyward";
        }
      };

  static final ArchRule NO_CYCLES = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

  static final ArchRule ONLY_JAVA =
      classes()
          .that()
          .resideInAPackage("dev.keyward..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.keyward..", "org.jspecify..")
          .because("core depends on nothing but the JDK (JSpecify annotations are provided-scope)");

  static final ArchRule LEAVES_NEVER_IMPORT_ROOT =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.keyward.key..", "dev.keyward.permission..", "dev.keyward.redact..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.keyward",
              "dev.keyward.model..",
              "dev.keyward.internal..",
              "dev.keyward.rotation..",
              "dev.keyward.waiters..")
          .because("leaf packages import only java.*");

  static final ArchRule MODEL_NEVER_IMPORTS_ROOT =
      noClasses()
          .that()
          .resideInAnyPackage("dev.keyward.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.keyward", "dev.keyward.rotation..", "dev.keyward.waiters..")
          .because("arrows run root -> model -> internal, never back");

  static final ArchRule INTERNAL_NEVER_IMPORTS_ROOT_OR_MODEL =
      noClasses()
          .that()
          .resideInAnyPackage("dev.keyward.internal..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.keyward",
              "dev.keyward.model..",
              "dev.keyward.rotation..",
              "dev.keyward.waiters..")
          .because("arrows run root -> model -> internal, never back");

  /** The root package is the map a newcomer reads: ports, shared types, exceptions. */
  static final int MAX_ROOT_TYPES = 40;

  static final ArchRule NO_WALL_CLOCK =
      noClasses()
          .that()
          .haveNameNotMatching(".*(Clock|Sleeper)[^.]*")
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(Thread.class, "sleep", long.class)
          .orShould()
          .callMethod(Thread.class, "sleep", long.class, int.class)
          .because("logic reads a java.time.Clock and waits through dev.keyward.Sleeper");

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            // builds may use another output directory (-Dkeyward.target), so match by folder name
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.keyward");
    assertThat(core.contain(dev.keyward.key.Secret.class)).isTrue();
    assertThat(core.contain(dev.keyward.permission.PermissionQuery.class)).isTrue();
  }

  @Test
  void noPackageCycles() {
    NO_CYCLES.check(core);
  }

  @Test
  void coreDependsOnlyOnJava() {
    ONLY_JAVA.check(core);
  }

  @Test
  void leavesNeverImportTheRootPackage() {
    LEAVES_NEVER_IMPORT_ROOT.check(core);
  }

  @Test
  void modelNeverImportsTheRootPackage() {
    MODEL_NEVER_IMPORTS_ROOT.check(core);
  }

  @Test
  void internalImportsNeitherRootNorModel() {
    INTERNAL_NEVER_IMPORTS_ROOT_OR_MODEL.check(core);
  }

  @Test
  void rootPackageHoldsAtMostFortyTopLevelTypes() {
    long topLevel =
        core.stream()
            .filter(c -> c.getPackageName().equals("dev.keyward") && c.isTopLevelClass())
            .count();
    assertThat(topLevel).isPositive().isLessThanOrEqualTo(MAX_ROOT_TYPES);
  }

  @Test
  void requestAndResponseValuesLiveInModel() {
    assertThat(
            core.stream()
                .filter(c -> c.getPackageName().equals("dev.keyward") && c.isTopLevelClass())
                .map(JavaClass::getSimpleName)
                .filter(
                    n ->
                        n.endsWith("Request")
                            || n.startsWith("Created")
                            || n.equals("Page")
                            || n.equals("Patch")))
        .isEmpty();
  }

  @Test
  void noWallClockOrSleepOutsideClocksAndSleepers() {
    NO_WALL_CLOCK.check(core);
  }

  // --- positive controls: each rule must trip on a class that breaks it

  /** Reads the wall clock and sleeps: what the time rule forbids. */
  static final class TimeReader {
    long now() throws InterruptedException {
      Thread.sleep(0);
      return System.currentTimeMillis() + Instant.now().toEpochMilli();
    }
  }

  /** Depends on a library outside java.*. */
  static final class LibraryUser {
    Object use() {
      return org.assertj.core.api.Assertions.assertThat(1);
    }
  }

  @Test
  void controls_eachRuleTrips() {
    JavaClasses fixtures = new ClassFileImporter().importPackages("dev.keyward.archfixture");
    assertThatThrownBy(() -> NO_CYCLES.check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("archfixture");

    JavaClasses time = new ClassFileImporter().importClasses(TimeReader.class);
    assertThatThrownBy(() -> NO_WALL_CLOCK.check(time))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("currentTimeMillis")
        .hasMessageContaining("Instant.now")
        .hasMessageContaining("Thread.sleep");

    JavaClasses library = new ClassFileImporter().importClasses(LibraryUser.class);
    assertThatThrownBy(() -> ONLY_JAVA.check(library))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.assertj");

    JavaClasses leaf =
        new ClassFileImporter()
            .importPackages("dev.keyward.key")
            .that(
                com.tngtech.archunit.base.DescribedPredicate.describe(
                    "fixture", c -> c.getSimpleName().equals("LeafImportingRootFixture")));
    assertThat(leaf).isNotEmpty();
    assertThatThrownBy(() -> LEAVES_NEVER_IMPORT_ROOT.check(leaf))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.keyward.Sleeper");

    JavaClasses backwards =
        new ClassFileImporter()
            .importClasses(
                dev.keyward.model.ModelImportingRootFixture.class,
                dev.keyward.internal.InternalImportingModelFixture.class);
    assertThatThrownBy(() -> MODEL_NEVER_IMPORTS_ROOT.check(backwards))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.keyward.Sleeper");
    assertThatThrownBy(() -> INTERNAL_NEVER_IMPORTS_ROOT_OR_MODEL.check(backwards))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.keyward.model.Patch");
  }
}
