package dev.odeon.datachannel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sans-IO rule (DESIGN.md): no sockets, threads, locks or clock reads in datachannel. */
class SansIoArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.odeon.datachannel");
  }

  @Test
  void importedSomething() {
    org.junit.jupiter.api.Assertions.assertTrue(classes.size() > 20, "classes were found");
  }

  @Test
  void noSockets() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.channels..", "io.netty..")
        .check(classes);
  }

  @Test
  void noThreadsOrLocks() {
    noClasses().should().dependOnClassesThat().areAssignableTo(Thread.class)
        .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent.locks..")
        .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.Executor.class)
        .check(classes);
  }

  @Test
  void noClockReads() {
    noClasses().should().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(Instant.class, "now")
        .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
        .check(classes);
  }
}
