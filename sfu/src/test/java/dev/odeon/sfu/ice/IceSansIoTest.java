package dev.odeon.sfu.ice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sans-IO rule (DESIGN.md) for this package: no sockets, threads, locks or clock reads. */
class IceSansIoTest {
  private static final JavaClasses ICE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.odeon.sfu.ice");

  @Test
  void noSocketsThreadsOrLocks() {
    noClasses().should().dependOnClassesThat()
        .haveFullyQualifiedName("java.net.Socket")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
        .orShould().dependOnClassesThat().resideInAPackage("java.nio.channels..")
        .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
        .check(ICE);
  }

  @Test
  void noClockReads() {
    noClasses().should().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .check(ICE);
  }
}
