package dev.odeon.sfu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's sans-IO rule for the whole media module: only {@code sfu.net} (the UDP adapter) and
 * {@code sfu.dtls.adapter} (BouncyCastle's blocking transport) may touch sockets, threads or sleeps,
 * and no protocol or routing code reads the clock — time comes in as a parameter.
 */
class SansIoArchitectureTest {
  private static final JavaClasses SFU = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.odeon.sfu");

  @Test
  void protocolCodeOpensNoSocketsAndStartsNoThreads() {
    noClasses().that().resideOutsideOfPackages("..sfu.net..", "..sfu.dtls.adapter..")
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.channels..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
        .orShould().callMethod(Thread.class, "sleep", long.class)
        .orShould().callConstructor(Thread.class, Runnable.class)
        .orShould().callConstructor(Thread.class, Runnable.class, String.class)
        .check(SFU);
  }

  @Test
  void protocolCodeReadsNoClock() {
    noClasses().that().resideOutsideOfPackages("..sfu.net..", "..sfu.dtls..")
        .should().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .check(SFU);
  }
}
