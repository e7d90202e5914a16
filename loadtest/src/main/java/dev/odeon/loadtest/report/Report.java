package dev.odeon.loadtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's human-readable table ({@code <scenario>.txt}), its plot ({@code <scenario>.html}, an
 * inline SVG) and its JSON ({@code <scenario>.json}) to the output directory.
 */
public final class Report {
  private Report() {}

  /** Writes the three files; returns the paths written. */
  public static List<Path> write(Path dir, String scenario, String table, String title, String chartSvg,
      String json) throws IOException {
    Files.createDirectories(dir);
    Path txt = dir.resolve(scenario + ".txt");
    Path html = dir.resolve(scenario + ".html");
    Path js = dir.resolve(scenario + ".json");
    Files.writeString(txt, table, StandardCharsets.UTF_8);
    Files.writeString(html, "<!doctype html><meta charset='utf-8'><title>" + title + "</title><h1>" + title
        + "</h1>" + chartSvg + "<pre>" + table.replace("&", "&amp;").replace("<", "&lt;") + "</pre><pre>" + json
        + "</pre>\n", StandardCharsets.UTF_8);
    Files.writeString(js, json + "\n", StandardCharsets.UTF_8);
    return List.of(txt, html, js);
  }
}
