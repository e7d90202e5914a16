package dev.odeon.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.loadtest.janus.JanusPoll;
import dev.odeon.loadtest.report.Report;
import dev.odeon.loadtest.report.SvgChart;
import dev.odeon.loadtest.scenario.Options;
import dev.odeon.loadtest.scenario.PollResult;
import dev.odeon.loadtest.scenario.PollScenario;
import dev.odeon.loadtest.scenario.StageScenario;
import dev.odeon.loadtest.scenario.StageStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code stage} and {@code poll} commands of {@link Main}: run the scenario, print and write
 * the table, plot and JSON, and print the figures as one JSON object on the last line.
 */
final class StageAndPoll {
  private StageAndPoll() {}

  static int stage(Options o, int speakers) throws Exception {
    List<StageStep> steps = new StageScenario(o, speakers, StageAndPoll::progress).run();
    StageStep best = null;
    for (StageStep s : steps) {
      if (s.passes() && (best == null || s.viewers() > best.viewers())) {
        best = s;
      }
    }
    StageStep main = o.ramp() ? (best != null ? best : steps.get(0)) : steps.get(steps.size() - 1);
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
        "stage, %d scripted speakers (turns of %d ms), viewers with multiplexedAudioTracks 3 each excluding one"
            + " speaker, video %d bit/s, window %d s%n%8s %12s %10s %8s %8s %8s %8s %8s %9s %8s %8s %6s%n",
        speakers, 1500, o.videoBitsPerSecond(), o.seconds(), "viewers", "fwd pkt/s", "ms CPU/1k", "loss %", "p50 ms",
        "p99 ms", "vad", "leaks", "srv CPU%", "gen CPU%", "max ms", "load"));
    long leaks = 0;
    for (StageStep s : steps) {
      leaks = Math.max(leaks, s.excludedLeaks());
      t.append(String.format(Locale.ROOT, "%8d %12.0f %10.3f %8.3f %8.2f %8.2f %8d %8d %9.0f %8.0f %8.1f %6.1f%s%n",
          s.viewers(), s.forwardedPps(), s.cpuPerKPackets(), s.lossPct(), s.p50Ms(), s.p99Ms(), s.vadEvents(),
          s.excludedLeaks(), s.serverCpuPct(), s.generatorCpuPct(), s.maxMs(), s.loadAvg(),
          s.passes() ? "" : "  FAIL (loss >= 0.5%, p99 >= 50 ms or a leak)"));
    }
    ObjectNode json = Main.JSON.createObjectNode().put("scenario", "stage").put("speakers", speakers);
    put(json, main);
    json.put("excludedLeaks", leaks);
    if (o.ramp()) {
      json.put("maxViewers", best == null ? 0 : best.viewers());
    }
    ArrayNode arr = json.putArray("steps");
    steps.forEach(s -> put(arr.addObject(), s));
    double[] x = steps.stream().mapToDouble(StageStep::viewers).toArray();
    String svg = SvgChart.render("Odeon stage", "viewers", List.of(
        new SvgChart.Series("server ms CPU per 1k forwarded packets", "#c33", x,
            steps.stream().mapToDouble(StageStep::cpuPerKPackets).toArray()),
        new SvgChart.Series("p99 added delay ms", "#33c", x, steps.stream().mapToDouble(StageStep::p99Ms).toArray()),
        new SvgChart.Series("vad events in the window", "#3a3", x,
            steps.stream().mapToDouble(StageStep::vadEvents).toArray())));
    return finish(o.outDir(), "stage", t.toString(), svg, json, main.passes() && leaks == 0 ? 0 : 1);
  }

  static int poll(Options o, int storms, boolean dataChannels) throws Exception {
    return poll(o, storms, dataChannels, false);
  }

  /** With {@code janus}, also runs the same vote storms on Janus's TextRoom and adds {@code janus} and {@code ratio}. */
  static int poll(Options o, int storms, boolean dataChannels, boolean janus) throws Exception {
    PollResult r = new PollScenario(o, storms, dataChannels, StageAndPoll::progress).run();
    String transport = dataChannels ? "datachannel" : "websocket";
    String t = String.format(Locale.ROOT, "poll, %d " + transport + " voters x %d storms%n%10s %10s %10s %12s %10s %12s %12s"
        + " %8s%n%10d %10d %10d %12.0f %10.3f %12.1f %12.1f %8d%n%s", r.voters(), r.storms(), "voters", "sent",
        "counted", "votes/s", "ms CPU/1k", "tally p50 ms", "tally max ms", "errors", r.voters(), r.votesSent(),
        r.votesCounted(), r.votesPerSecond(), r.cpuPerKVotes(), r.tallyLatencyMs(), r.tallyLatencyMaxMs(),
        r.relayErrors(), r.firstError() == null ? "" : "first relay error: " + r.firstError() + "\n");
    ObjectNode json = Main.JSON.createObjectNode().put("scenario", "poll").put("transport", transport)
        .put("voters", r.voters()).put("storms", r.storms()).put("votesSent", r.votesSent())
        .put("votesCounted", r.votesCounted()).put("votesPerSecond", round(r.votesPerSecond()))
        .put("stormSendSeconds", round(r.sendSeconds())).put("cpuPerKVotes", round(r.cpuPerKVotes()))
        .put("tallyLatencyMs", round(r.tallyLatencyMs())).put("tallyLatencyMaxMs", round(r.tallyLatencyMaxMs()))
        .put("relayErrors", r.relayErrors());
    if (!janus) {
      return finish(o.outDir(), "poll", t, "", json, r.exact() ? 0 : 1);
    }
    PollResult j = new JanusPoll(o, storms, StageAndPoll::progress).run();
    double ratio = j.cpuPerKVotes() > 0 && r.cpuPerKVotes() >= 0 ? r.cpuPerKVotes() / j.cpuPerKVotes() : -1;
    t += String.format(Locale.ROOT, "janus TextRoom (votes as messages to the backend participant, counted by it)%n"
        + "%10d %10d %10d %12.0f %10.3f %12.1f %12.1f %8d%n%sratio (Odeon / Janus CPU per vote) at %d voters: %.3f%n",
        j.voters(), j.votesSent(), j.votesCounted(), j.votesPerSecond(), j.cpuPerKVotes(), j.tallyLatencyMs(),
        j.tallyLatencyMaxMs(), j.relayErrors(), j.firstError() == null ? "" : "first janus error: " + j.firstError() + "\n",
        r.voters(), ratio);
    json.putObject("janus").put("voters", j.voters()).put("votesSent", j.votesSent())
        .put("votesCounted", j.votesCounted()).put("votesPerSecond", round(j.votesPerSecond()))
        .put("stormSendSeconds", round(j.sendSeconds())).put("cpuPerKVotes", round(j.cpuPerKVotes()))
        .put("countLatencyMs", round(j.tallyLatencyMs())).put("countLatencyMaxMs", round(j.tallyLatencyMaxMs()))
        .put("relayErrors", j.relayErrors());
    json.put("ratio", round(ratio));
    return finish(o.outDir(), "poll", t, "", json, r.exact() && j.exact() ? 0 : 1);
  }

  private static void put(ObjectNode n, StageStep s) {
    n.put("viewers", s.viewers()).put("forwardedPps", round(s.forwardedPps())).put("vadEvents", s.vadEvents())
        .put("vadEventsTotal", s.vadEventsTotal()).put("excludedLeaks", s.excludedLeaks())
        .put("lossPct", round(s.lossPct())).put("slotGapLossPct", round(s.slotGapLossPct())).put("p50Ms", round(s.p50Ms())).put("p99Ms", round(s.p99Ms()))
        .put("maxMs", round(s.maxMs())).put("cpuPerKPackets", round(s.cpuPerKPackets()))
        .put("serverCpuPct", round(s.serverCpuPct())).put("generatorCpuPct", round(s.generatorCpuPct()))
        .put("minSpeakersHeard", s.minSpeakersHeard()).put("loadAvg", s.loadAvg());
  }

  private static int finish(Path out, String name, String table, String svg, ObjectNode json, int code)
      throws Exception {
    String line = Main.JSON.writeValueAsString(json);
    List<Path> files = Report.write(out, name, table, "Odeon loadtest: " + name, svg, line);
    System.out.print(table);
    System.out.println("wrote " + files);
    System.out.println(line);
    return code;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static void progress(String s) {
    System.out.println("loadtest: " + s);
  }
}
