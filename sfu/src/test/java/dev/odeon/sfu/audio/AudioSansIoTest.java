package dev.odeon.sfu.audio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The speaker ranking is sans-IO: no sockets, threads, locks or clock reads (DESIGN.md). */
class AudioSansIoTest {
  @Test
  void audioPackageTouchesNoIoThreadsOrClock() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.odeon.sfu.audio");
    noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net..",
            "java.nio.channels..", "java.util.concurrent..", "io.netty..")
        .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().dependOnClassesThat().resideInAPackage("java.time..")
        .check(classes);
  }
}
