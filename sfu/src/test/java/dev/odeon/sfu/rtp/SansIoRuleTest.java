package dev.odeon.sfu.rtp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sans-IO rule for the RTP/RTCP packages: no sockets, threads, locks or clock reads. */
class SansIoRuleTest {
  @Test
  void noIoThreadsLocksOrClocks() {
    // Dependencies are judged by name; resolving the JDK's classes only costs seconds.
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    config.setResolveMissingDependenciesFromClassPath(false);
    JavaClasses classes;
    try {
      classes = new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.odeon.sfu.rtp", "dev.odeon.sfu.rtcp");
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
    noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net..",
            "java.nio.channels..", "java.util.concurrent..", "io.netty..")
        .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().dependOnClassesThat().resideInAPackage("java.time..")
        .check(classes);
  }
}
