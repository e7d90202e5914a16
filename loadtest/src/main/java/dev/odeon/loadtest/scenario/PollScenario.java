package dev.odeon.loadtest.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.loadtest.client.DataChannelClient;
import dev.odeon.loadtest.client.Peer;
import dev.odeon.loadtest.client.SignalingClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code poll}: N voters, each with its own viewer token and WebSocket joined to the stream's
 * interactive session ({@code interactive.join}), and one backend (a token with the
 * {@code interactive-server} grant) that starts the session. Each storm: the backend opens a poll,
 * every voter sees {@code poll.opened}, then all voters vote at once (four sender threads); the
 * generator watches the server's {@code odeon_relay_votes_total} until it has counted the storm,
 * waits for the first {@code poll.tally} with every vote, closes the poll and adds up
 * {@code poll.result}. Voters use the WebSocket path ({@code interactive} commands), or with
 * {@code dataChannels} a WebRTC data channel on their own viewer connection (ICE, DTLS, SCTP, DCEP:
 * {@link DataChannelClient}); no source is live, so those viewers receive no media.
 */
public final class PollScenario {
  private static final int OPTIONS = 4;
  private static final int SENDERS = 4;
  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
  private final Options options;
  private final int storms;
  private final boolean dataChannels;
  private final Consumer<String> log;
  private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
  private final Map<String, Long> fullTallyAt = new ConcurrentHashMap<>();
  private final Map<String, Long> results = new ConcurrentHashMap<>();
  private final AtomicLong relayErrors = new AtomicLong();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private volatile int expectedPerStorm;

  public PollScenario(Options options, int storms, Consumer<String> log) {
    this(options, storms, false, log);
  }

  /** With {@code dataChannels}, voters are viewers voting over a WebRTC data channel instead of the WebSocket. */
  public PollScenario(Options options, int storms, boolean dataChannels, Consumer<String> log) {
    this.options = options;
    this.storms = storms;
    this.dataChannels = dataChannels;
    this.log = log;
  }

  public PollResult run() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try (Fleet fleet = new Fleet(options)) {
      log.accept("server " + fleet.base() + " pid " + fleet.server.pid());
      SignalingClient backend = fleet.connect("viewer", "&identity=loadtest-backend&grants=interactive-server")
          .get(30, TimeUnit.SECONDS);
      backend.onEvent(this::onBackendEvent);
      backend.command("interactive.join", Fleet.JSON.createObjectNode()).get(30, TimeUnit.SECONDS);
      backend.command("interactive.start", Fleet.JSON.createObjectNode()).get(30, TimeUnit.SECONDS);
      List<SignalingClient> wsVoters = dataChannels ? List.of() : joinVoters(fleet);
      List<Peer> dcVoters = dataChannels ? joinDataVoters(fleet) : List.of();
      List<?> voters = dataChannels ? dcVoters : wsVoters;
      log.accept(voters.size() + " voters joined the interactive session over "
          + (dataChannels ? "data channels" : "the WebSocket"));
      expectedPerStorm = voters.size();
      long sent = 0;
      double[] rates = new double[storms];
      double[] tally = new double[storms];
      double sendSeconds = 0;
      long cpuNanos = 0;
      for (int k = 0; k < storms; k++) {
        String pollId = "storm-" + k;
        opened.put(pollId, new AtomicInteger());
        ObjectNode open = Fleet.JSON.createObjectNode().put("type", "poll.open").put("pollId", pollId)
            .put("question", "storm " + k).put("windowMs", 600_000);
        open.putArray("options").add("a").add("b").add("c").add("d");
        backend.send("interactive", open);
        await(() -> opened.get(pollId).get() >= voters.size(), "every voter sees " + pollId + " open");
        double counted0 = votesTotal(http, fleet);
        long cpu0 = fleet.server.cpuNanos();
        long t0 = System.nanoTime();
        int storm = k;
        if (dataChannels) {
          int written = fleet.loop.sendData(dcVoters, i -> Fleet.JSON.createObjectNode().put("type", "vote")
              .put("pollId", pollId).put("option", (i + storm) % OPTIONS).toString()).get(60, TimeUnit.SECONDS);
          if (written < dcVoters.size()) {
            relayErrors.addAndGet(dcVoters.size() - written);
            firstError.compareAndSet(null, (dcVoters.size() - written) + " votes did not fit the SCTP send buffer");
          }
        } else {
          List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
          for (int s = 0; s < SENDERS; s++) {
            int first = s;
            parts.add(senders.submit(() -> {
              for (int i = first; i < wsVoters.size(); i += SENDERS) {
                wsVoters.get(i).send("interactive", Fleet.JSON.createObjectNode().put("type", "vote")
                    .put("pollId", pollId).put("option", (i + storm) % OPTIONS));
              }
            }));
          }
          for (var f : parts) {
            f.get(60, TimeUnit.SECONDS);
          }
        }
        long tLast = System.nanoTime();
        sent += voters.size();
        while (votesTotal(http, fleet) - counted0 < voters.size() && System.nanoTime() - tLast < DEADLINE_NANOS) {
          Thread.sleep(2);
        }
        long tCounted = System.nanoTime();
        long cpu1 = fleet.server.cpuNanos();
        await(() -> fullTallyAt.containsKey(pollId), "a tally of " + pollId + " with every vote");
        rates[k] = voters.size() / ((tCounted - t0) / 1e9);
        tally[k] = (fullTallyAt.get(pollId) - tLast) / 1e6;
        sendSeconds += (tLast - t0) / 1e9;
        cpuNanos += cpu0 < 0 || cpu1 < 0 ? 0 : cpu1 - cpu0;
        backend.send("interactive", Fleet.JSON.createObjectNode().put("type", "poll.close").put("pollId", pollId));
        await(() -> results.containsKey(pollId), "the result of " + pollId);
        log.accept(String.format("%s: %d votes sent in %.0f ms, counted after %.0f ms (%.0f votes/s),"
            + " full tally %.0f ms after the last vote, result %d", pollId, voters.size(), (tLast - t0) / 1e6,
            (tCounted - t0) / 1e6, rates[k], tally[k], results.get(pollId)));
        Thread.sleep(200); // A pause between storms; the next poll's open and its broadcast follow.
      }
      long counted = results.values().stream().mapToLong(Long::longValue).sum();
      Arrays.sort(tally);
      double cpuPerK = fleet.server.cpuNanos() < 0 || sent == 0 ? -1 : cpuNanos / 1e6 / (sent / 1000.0);
      return new PollResult(voters.size(), storms, sent, counted, Arrays.stream(rates).average().orElse(0),
          sendSeconds / storms, cpuPerK, JoinScenario.percentile(tally, 50), tally[tally.length - 1],
          relayErrors.get(), firstError.get());
    } finally {
      senders.shutdownNow();
    }
  }

  private List<SignalingClient> joinVoters(Fleet fleet) throws Exception {
    List<SignalingClient> voters = new ArrayList<>();
    for (int start = 0; start < options.viewers(); start += 200) {
      List<CompletableFuture<SignalingClient>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(options.viewers(), start + 200); i++) {
        batch.add(fleet.connect("viewer", "&identity=voter-" + i).thenCompose(ws -> {
          ws.onEvent(this::onVoterEvent);
          return ws.command("interactive.join", Fleet.JSON.createObjectNode()).thenApply(d -> ws);
        }));
      }
      for (CompletableFuture<SignalingClient> f : batch) {
        voters.add(f.get(60, TimeUnit.SECONDS));
      }
    }
    return voters;
  }

  private List<Peer> joinDataVoters(Fleet fleet) throws Exception {
    List<Peer> voters = new ArrayList<>();
    java.util.Random rnd = new java.util.Random(11);
    for (int start = 0; start < options.viewers(); start += 50) {
      List<CompletableFuture<?>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(options.viewers(), start + 50); i++) {
        DataChannelClient channel = new DataChannelClient(new java.util.Random(rnd.nextLong()), this::onVoterText);
        Peer p = Peer.dataViewer(fleet.cert(), rnd, channel);
        voters.add(p);
        batch.add(fleet.join(p).thenCompose(x -> channel.opened()));
      }
      CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    return voters;
  }

  private void onVoterText(String text) {
    try {
      onVoterMessage(Fleet.JSON.readTree(text));
    } catch (IOException e) {
      relayErrors.incrementAndGet();
      firstError.compareAndSet(null, "bad JSON on a data channel: " + text);
    }
  }

  private void onVoterEvent(JsonNode e) {
    if ("interactive".equals(e.path("name").asText())) {
      onVoterMessage(e.path("data"));
    }
  }

  private void onVoterMessage(JsonNode d) {
    if ("poll.opened".equals(d.path("eventName").asText())) {
      AtomicInteger n = opened.get(d.path("pollId").asText());
      if (n != null) {
        n.incrementAndGet();
      }
    } else if ("error".equals(d.path("type").asText())) {
      relayErrors.incrementAndGet();
      firstError.compareAndSet(null, d.toString());
    }
  }

  private void onBackendEvent(JsonNode e) {
    JsonNode d = e.path("data");
    String name = d.path("eventName").asText();
    String pollId = d.path("pollId").asText();
    if ("poll.tally".equals(name) || "poll.result".equals(name)) {
      if (d.path("total").asLong() >= expectedPerStorm) {
        fullTallyAt.putIfAbsent(pollId, System.nanoTime());
      }
      if ("poll.result".equals(name)) {
        results.put(pollId, d.path("total").asLong());
      }
    } else if ("error".equals(d.path("type").asText())) {
      relayErrors.incrementAndGet();
      firstError.compareAndSet(null, "backend: " + d);
    }
  }

  /** The server's {@code odeon_relay_votes_total}, from {@code /metrics}. */
  private static double votesTotal(HttpClient http, Fleet fleet) throws IOException, InterruptedException {
    String body = http.send(HttpRequest.newBuilder(fleet.base().resolve("/metrics")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    for (String line : body.split("\n")) {
      if (line.startsWith("odeon_relay_votes_total ")) {
        return Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
      }
    }
    throw new IOException("/metrics has no odeon_relay_votes_total");
  }

  private static void await(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IOException("timed out waiting for " + what);
      }
      Thread.sleep(2);
    }
  }
}
