package dev.odeon.signaling.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StaticFilesTest {
  private final StaticFiles files = new StaticFiles(StaticFilesTest.class.getClassLoader(), "testweb/");

  @Test
  void pagesMapToTheirFiles() {
    assertEquals("text/html; charset=utf-8", files.find("/").contentType());
    assertNotNull(files.find("/watch"));
    assertNull(files.find("/publish"));
    assertEquals("text/javascript; charset=utf-8", files.find("/app.js").contentType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/../testweb/index.html", "/./index.html", "/.hidden.js", "//index.html",
      "/a\\b.js", "/index.html\0.js", "/dev/odeon/signaling/TestServer.class", "/testweb", "x.js"})
  void unsafeOrUnknownPathsAreNotServed(String path) {
    assertNull(files.find(path));
  }
}
