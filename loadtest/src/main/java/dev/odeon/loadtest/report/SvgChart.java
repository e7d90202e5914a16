package dev.odeon.loadtest.report;

import java.util.List;
import java.util.Locale;

/**
 * A minimal line chart as inline SVG: one x axis, one or more series each scaled to its own maximum
 * (the legend says the maximum), points marked. Enough for a ramp or a CDF without a plotting library.
 */
public final class SvgChart {
  /** One line: its name, colour and points. */
  public record Series(String name, String color, double[] x, double[] y) {}

  private static final int W = 720;
  private static final int H = 360;
  private static final int PAD = 50;

  private SvgChart() {}

  public static String render(String title, String xLabel, List<Series> series) {
    double xMax = 0;
    for (Series s : series) {
      for (double v : s.x()) {
        xMax = Math.max(xMax, v);
      }
    }
    xMax = xMax <= 0 ? 1 : xMax;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>", W, H));
    b.append(String.format(Locale.ROOT, "<text x='%d' y='20' font-size='14'>%s</text>", PAD, esc(title)));
    b.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>", PAD, H - PAD, W - PAD, H - PAD));
    b.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>", PAD, PAD, PAD, H - PAD));
    b.append(String.format(Locale.ROOT, "<text x='%d' y='%d'>%s (max %.0f)</text>", W / 2 - 60, H - 15, esc(xLabel), xMax));
    int legendY = 40;
    for (Series s : series) {
      double yMax = 0;
      for (double v : s.y()) {
        yMax = Math.max(yMax, v);
      }
      yMax = yMax <= 0 ? 1 : yMax;
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < s.x().length; i++) {
        double px = PAD + (W - 2 * PAD) * s.x()[i] / xMax;
        double py = H - PAD - (H - 2 * PAD) * s.y()[i] / yMax;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        b.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>", px, py, s.color()));
      }
      b.append(String.format(Locale.ROOT, "<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>", s.color(), pts));
      b.append(String.format(Locale.ROOT, "<text x='%d' y='%d' fill='%s'>%s (top = %.3g)</text>", W - PAD - 260, legendY, s.color(), esc(s.name()), yMax));
      legendY += 16;
    }
    return b.append("</svg>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
