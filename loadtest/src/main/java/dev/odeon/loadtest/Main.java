package dev.odeon.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.loadtest.bench.FloorBench;
import dev.odeon.loadtest.bench.FloorCpu;
import dev.odeon.loadtest.janus.JanusFanout;
import dev.odeon.loadtest.janus.NetNamespace;
import dev.odeon.loadtest.report.Report;
import dev.odeon.loadtest.report.SvgChart;
import dev.odeon.loadtest.scenario.FanoutScenario;
import dev.odeon.loadtest.scenario.FanoutStep;
import dev.odeon.loadtest.scenario.JoinResult;
import dev.odeon.loadtest.scenario.JoinScenario;
import dev.odeon.loadtest.scenario.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./odeon loadtest <scenario> [options]}: runs a scenario against a server it starts (or
 * {@code --target}), prints progress and a table, writes table, plot and JSON under {@code --out},
 * and prints the scenario's figures as one JSON object on the last line of stdout. Exit code 0 on a
 * completed run, 1 on a failed run, 2 on a usage error.
 */
public final class Main {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String USAGE = """
      usage: ./odeon loadtest <scenario> [options]
        scenarios:
          fanout   1 publisher -> N viewers; forwarded pkt/s, server CPU per 1k packets, loss, delay, RSS
          join     N viewers join at once; time to first video frame
          floor    the JMH floor benchmark (ns per forwarded packet); writes <out>/floor.json
          stage    S scripted speakers taking turns -> N viewers with 3 multiplexed audio slots, each
                   excluding one speaker; vad events, excluded leaks, loss, delay, CPU (--ramp as fanout)
          poll     N WebSocket voters vote in storms; a backend opens polls and reads tallies
        options:
          --viewers N        viewers (ramp upper bound with --ramp; default 100)
          --seconds S        measurement window (default 10)
          --ramp             fanout: 10, 25, 50, 100, 150, 200, ... up to --viewers; report the largest N
                             with loss < 0.5% and p99 added delay < 50 ms
          --bitrate BPS      publisher video bitrate (default 1500000)
          --target URL       measure a running server instead of starting one (--target-pid PID for CPU)
          --server-jar PATH  server jar to start (default signaling/target/odeon-server.jar)
          --server-jvm-opts "OPTS"   JVM options for the started server (default "-Xms512m -Xmx1g")
          --out DIR          output directory (default loadtest/out)
          --speakers S       stage: scripted speakers (default 6)
          --storms K         poll: vote storms, one poll each (default 5)
          --data-channels    poll: voters vote over WebRTC data channels (SCTP/DCEP) instead of the WebSocket
          --against janus    fanout, poll: also measure Janus (Debian's janus, started in a private network
                             namespace; needs root) at the same viewer count; adds janus and ratio
      """;

  private Main() {}

  public static void main(String[] args) throws Exception {
    int code;
    try {
      code = run(args);
    } catch (UsageException e) {
      System.err.println("loadtest: " + e.getMessage());
      System.err.print(USAGE);
      code = 2;
    }
    System.exit(code);
  }

  /** Runs the command line; returns the exit code. */
  static int run(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      System.out.print(USAGE);
      return 0;
    }
    String scenario = args[0];
    Options o = Options.defaults();
    String against = null;
    int speakers = 6;
    int storms = 5;
    boolean dataChannels = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--viewers" -> o = o.withViewers(positive(a, value(args, ++i, a)));
        case "--seconds" -> o = o.withSeconds(positive(a, value(args, ++i, a)));
        case "--ramp" -> o = o.withRamp(true);
        case "--bitrate" -> o = o.withVideoBitsPerSecond(positive(a, value(args, ++i, a)));
        case "--target" -> o = o.withTarget(java.net.URI.create(value(args, ++i, a).replaceAll("/+$", "")), o.targetPid());
        case "--target-pid" -> o = o.withTarget(o.target(), positive(a, value(args, ++i, a)));
        case "--server-jar" -> o = o.withServerJar(Path.of(value(args, ++i, a)));
        case "--server-jvm-opts" -> o = o.withServerJvmArgs(Arrays.asList(value(args, ++i, a).trim().split("\\s+")));
        case "--out" -> o = o.withOutDir(Path.of(value(args, ++i, a)));
        case "--speakers" -> speakers = positive(a, value(args, ++i, a));
        case "--storms" -> storms = positive(a, value(args, ++i, a));
        case "--data-channels" -> dataChannels = true;
        case "--against" -> against = value(args, ++i, a);
        default -> throw new UsageException("unknown option " + a);
      }
    }
    if (against != null) {
      if (!against.equals("janus")) {
        throw new UsageException("--against supports only janus");
      }
      if (!scenario.equals("fanout") && !scenario.equals("poll")) {
        System.err.println("loadtest: --against janus is built for fanout and poll only (Janus has no"
            + " equivalent of stage's audio multiplexing)");
        return 2;
      }
      // Janus's TextRoom relays over data channels only: Odeon's voters use them too, for the same load.
      dataChannels |= scenario.equals("poll");
      if (!NetNamespace.inside()) {
        return NetNamespace.rerun(Main.class.getName(), args);
      }
    }
    return switch (scenario) {
      case "fanout" -> fanout(o, against != null);
      case "join" -> join(o);
      case "floor" -> floor(o);
      case "stage" -> StageAndPoll.stage(o, speakers);
      case "poll" -> StageAndPoll.poll(o, storms, dataChannels, against != null);
      default -> throw new UsageException("unknown scenario " + scenario);
    };
  }

  static int fanout(Options o, boolean janus) throws Exception {
    List<FanoutStep> steps = new FanoutScenario(o, Main::progress).run();
    FanoutStep best = null;
    for (FanoutStep s : steps) {
      if (s.passes() && (best == null || s.viewers() > best.viewers())) {
        best = s;
      }
    }
    FanoutStep main = o.ramp() ? (best != null ? best : steps.get(0)) : steps.get(steps.size() - 1);
    Double floorNs = readFloor(o.outDir());
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
        "fanout, video %d bit/s + Opus-sized audio, window %d s%n%8s %12s %12s %9s %9s %9s %9s %11s %8s %8s%n",
        o.videoBitsPerSecond(), o.seconds(), "viewers", "fwd pkt/s", "ms CPU/1k", "loss %", "worst %", "p50 ms", "p99 ms", "max ms",
        "KiB/viewer", "srv CPU%", "gen CPU%", "rcvbufEr", "load"));
    for (FanoutStep s : steps) {
      t.append(String.format(Locale.ROOT, "%8d %12.0f %12.3f %9.3f %8.2f %9.2f %9.2f %9.2f %11.1f %8.0f %8.0f %8d %6.1f%s%n",
          s.viewers(), s.forwardedPps(), s.cpuPerKPackets(), s.lossPct(), s.worstViewerLossPct(), s.p50Ms(), s.p99Ms(), s.maxMs(),
          s.rssPerViewerKiB(), s.serverCpuPct(), s.generatorCpuPct(), s.udpRcvbufErrors(), s.loadAvg(), s.passes() ? "" : "  FAIL (loss >= 0.5% or p99 >= 50 ms)"));
    }
    if (floorNs != null) {
      t.append(String.format(Locale.ROOT, "floor (%s, CPU time): %.0f ns per forwarded packet; Odeon at %d viewers: %.2fx%n",
          o.outDir().resolve("floor.json"), floorNs, main.viewers(), main.cpuPerKPackets() * 1000 / floorNs));
    }
    ObjectNode json = JSON.createObjectNode().put("scenario", "fanout");
    put(json, main);
    if (o.ramp()) {
      json.put("maxViewers", best == null ? 0 : best.viewers());
    }
    if (floorNs != null) {
      json.put("floorNsPerPacket", round(floorNs)).put("floorRatio", round(main.cpuPerKPackets() * 1000 / floorNs));
    }
    if (janus) {
      againstJanus(o, main, t, json);
    }
    ArrayNode arr = json.putArray("steps");
    steps.forEach(s -> put(arr.addObject(), s));
    double[] x = steps.stream().mapToDouble(FanoutStep::viewers).toArray();
    String svg = SvgChart.render("Odeon fanout", "viewers", List.of(
        new SvgChart.Series("server ms CPU per 1k forwarded packets", "#c33", x,
            steps.stream().mapToDouble(FanoutStep::cpuPerKPackets).toArray()),
        new SvgChart.Series("p99 added delay ms", "#33c", x, steps.stream().mapToDouble(FanoutStep::p99Ms).toArray()),
        new SvgChart.Series("forwarded pkt/s", "#3a3", x, steps.stream().mapToDouble(FanoutStep::forwardedPps).toArray())));
    return finish(o, "fanout", t.toString(), svg, json, main.passes() ? 0 : 1);
  }

  /** Measures Janus's VideoRoom at {@code odeon}'s viewer count; adds its figures and the ratio. */
  private static void againstJanus(Options o, FanoutStep odeon, StringBuilder t, ObjectNode json) throws Exception {
    FanoutStep j = new JanusFanout(o, Main::progress).run(odeon.viewers());
    double ratio = j.cpuPerKPackets() > 0 ? odeon.cpuPerKPackets() / j.cpuPerKPackets() : -1;
    t.append(String.format(Locale.ROOT, "janus %8d %12.0f %12.3f %9.3f %8.2f %9.2f %9.2f %9.2f %11.1f %8.0f %8.0f%n",
        j.viewers(), j.forwardedPps(), j.cpuPerKPackets(), j.lossPct(), j.worstViewerLossPct(), j.p50Ms(), j.p99Ms(),
        j.maxMs(), j.rssPerViewerKiB(), j.serverCpuPct(), j.generatorCpuPct()));
    t.append(String.format(Locale.ROOT, "ratio (Odeon / Janus CPU per forwarded packet) at %d viewers: %.3f%n",
        odeon.viewers(), ratio));
    ObjectNode n = json.putObject("janus").put("cpuPerKPackets", round(j.cpuPerKPackets()))
        .put("lossPct", round(j.lossPct())).put("p99Ms", round(j.p99Ms()));
    n.put("viewers", j.viewers()).put("forwardedPps", round(j.forwardedPps())).put("p50Ms", round(j.p50Ms()))
        .put("serverCpuPct", round(j.serverCpuPct())).put("rssPerViewerKiB", round(j.rssPerViewerKiB()));
    json.put("ratio", round(ratio));
  }

  static int join(Options o) throws Exception {
    JoinResult r = new JoinScenario(o, Main::progress).run();
    String t = String.format(Locale.ROOT, "join, %d viewers at once%n%8s %8s %10s %10s %10s%n%8d %8d %10.1f %10.1f %10.1f%n%s",
        r.viewers(), "viewers", "failed", "p50 ms", "p99 ms", "max ms", r.viewers(), r.failed(), r.p50Ms(), r.p99Ms(),
        r.maxMs(), r.firstError() == null ? "" : "first failure: " + r.firstError() + "\n")
        + String.format(Locale.ROOT, "medians: token + WebSocket %.1f ms, answer %.1f ms, ICE %.1f ms, DTLS %.1f ms,"
            + " first video %.1f ms%n", r.milestonesP50Ms()[0], r.milestonesP50Ms()[1], r.milestonesP50Ms()[2],
            r.milestonesP50Ms()[3], r.milestonesP50Ms()[4]);
    ObjectNode json = JSON.createObjectNode().put("scenario", "join").put("viewers", r.viewers())
        .put("timeToFirstFrameP50Ms", round(r.p50Ms())).put("p99Ms", round(r.p99Ms()))
        .put("maxMs", round(r.maxMs())).put("failed", r.failed())
        .put("socketP50Ms", round(r.milestonesP50Ms()[0])).put("answerP50Ms", round(r.milestonesP50Ms()[1]))
        .put("iceP50Ms", round(r.milestonesP50Ms()[2])).put("dtlsP50Ms", round(r.milestonesP50Ms()[3]));
    double[] sorted = r.sortedMs();
    double[] rank = new double[sorted.length];
    for (int i = 0; i < rank.length; i++) {
      rank[i] = i + 1;
    }
    String svg = SvgChart.render("Odeon join: viewers with video over time", "ms since the join started",
        List.of(new SvgChart.Series("viewers with a video frame", "#c33", sorted, rank)));
    return finish(o, "join", t, svg, json, r.failed() == 0 ? 0 : 1);
  }

  static int floor(Options o) throws Exception {
    var opts = new OptionsBuilder().include(FloorBench.class.getName()).build();
    double score = 0;
    double error = 0;
    StringBuilder t = new StringBuilder();
    ObjectNode json = JSON.createObjectNode().put("scenario", "floor").put("fanout", FloorBench.FANOUT);
    for (RunResult r : new Runner(opts).run()) {
      String viewers = r.getParams().getParam("receiver");
      double s = r.getPrimaryResult().getScore();
      double e = r.getPrimaryResult().getScoreError();
      t.append(String.format(Locale.ROOT, "floor (viewers' sockets: %s): %.0f +- %.0f ns per forwarded packet"
          + " (fan-out %d, GCM, NIO, 1200 B)%n", viewers, s, e, FloorBench.FANOUT));
      json.put(viewers + "NsPerPacket", round(s)).put(viewers + "Error", round(e));
      if (viewers.equals("drop")) {
        score = s;
        error = e;
      }
    }
    // The floor is the "drop" variant (a real NIC send charges no receiver wake-up to the sender), in
    // CPU time, like the server's figure: on a loaded machine wall time also counts waiting for a core.
    FloorCpu.Result cpu = FloorCpu.measure(8, 5);
    t.append(String.format(Locale.ROOT, "floor in thread CPU time (drop): %.0f ns per forwarded packet"
        + " (min %.0f, max %.0f over %d 1-s iterations)%n", cpu.meanNs(), cpu.minNs(), cpu.maxNs(), cpu.iterations()));
    json.put("jmhWallNsPerPacket", round(score)).put("jmhWallError", round(error))
        .put("floorNsPerPacket", round(cpu.meanNs())).put("floorMinNs", round(cpu.minNs()))
        .put("floorMaxNs", round(cpu.maxNs()));
    return finish(o, "floor", t.toString(), "", json, 0);
  }

  private static int finish(Options o, String name, String table, String svg, ObjectNode json, int code)
      throws Exception {
    String line = JSON.writeValueAsString(json);
    List<Path> files = Report.write(o.outDir(), name, table, "Odeon loadtest: " + name, svg, line);
    System.out.print(table);
    System.out.println("wrote " + files);
    System.out.println(line);
    return code;
  }

  private static void put(ObjectNode n, FanoutStep s) {
    n.put("viewers", s.viewers()).put("forwardedPps", round(s.forwardedPps()))
        .put("cpuPerKPackets", round(s.cpuPerKPackets())).put("lossPct", round(s.lossPct()))
        .put("p50Ms", round(s.p50Ms())).put("p99Ms", round(s.p99Ms())).put("maxMs", round(s.maxMs()))
        .put("rssPerViewerKiB", round(s.rssPerViewerKiB())).put("serverCpuPct", round(s.serverCpuPct()))
        .put("generatorCpuPct", round(s.generatorCpuPct())).put("worstViewerLossPct", round(s.worstViewerLossPct()))
        .put("udpRcvbufErrors", s.udpRcvbufErrors()).put("udpSndbufErrors", s.udpSndbufErrors())
        .put("loadAvg", s.loadAvg());
  }

  static Double readFloor(Path out) {
    try {
      Path f = out.resolve("floor.json");
      return Files.exists(f) ? JSON.readTree(f.toFile()).path("floorNsPerPacket").asDouble() : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static void progress(String s) {
    System.out.println("loadtest: " + s);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String option, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new UsageException(option + " must be a positive integer: " + v);
  }

  /** A bad command line. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
