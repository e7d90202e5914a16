package dev.odeon.sfu.sdp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sans-IO rule for this package: no sockets, files, threads, locks, clocks or randomness. */
class SdpPurityTest {

  @Test
  void sdpPackageIsPure() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.odeon.sfu.sdp");
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.net..", "java.nio..", "java.io..", "java.util.concurrent..", "java.time..")
        .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, java.util.Random.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .check(classes);
  }
}
