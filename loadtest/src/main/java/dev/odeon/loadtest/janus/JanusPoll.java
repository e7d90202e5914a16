package dev.odeon.loadtest.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odeon.loadtest.client.DataChannelClient;
import dev.odeon.loadtest.client.Peer;
import dev.odeon.loadtest.client.UdpLoop;
import dev.odeon.loadtest.scenario.Options;
import dev.odeon.loadtest.scenario.PollResult;
import dev.odeon.sfu.dtls.DtlsCertificate;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code poll} on Janus's TextRoom with the same data-channel clients as on Odeon: every voter and
 * one backend attach to the plugin, {@code setup}, answer its data-channel offer ({@link TextRoom}),
 * connect (ICE, DTLS, SCTP, DCEP) and {@code join} one room. Each storm: the backend broadcasts
 * {@code poll.opened} to the room, every voter sees it, then every voter sends its vote as a TextRoom
 * {@code message} {@code to} the backend only; the backend counts what it receives (Janus has no
 * polls). Janus's process CPU is read from /proc from the first vote until the backend has counted
 * the storm, as {@code PollScenario} measures Odeon. Must run inside {@link NetNamespace}.
 */
public final class JanusPoll {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long ROOM = 4343;
  private static final String BACKEND = "backend";
  private static final int OPTIONS = 4;
  private static final int JOIN_BATCH = 50;
  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
  private final Options options;
  private final int storms;
  private final Consumer<String> log;
  private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counted = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> joined = new ConcurrentHashMap<>();
  private final AtomicLong relayErrors = new AtomicLong();
  private final AtomicReference<String> firstError = new AtomicReference<>();

  public JanusPoll(Options options, int storms, Consumer<String> log) {
    this.options = options;
    this.storms = storms;
    this.log = log;
  }

  public PollResult run() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    DtlsCertificate cert = DtlsCertificate.generate(java.time.Instant.now());
    Random rnd = new Random(12);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "loadtest-janus-keepalive");
      t.setDaemon(true);
      return t;
    });
    try (JanusServer janus = JanusServer.start(); UdpLoop loop = new UdpLoop();
        JanusApi api = JanusApi.connect(http, janus.uri())) {
      log.accept("janus " + janus.uri() + " pid " + janus.pid());
      timer.scheduleAtFixedRate(() -> api.keepalive().exceptionally(e -> null), 25, 25, TimeUnit.SECONDS);
      long admin = api.attach(TextRoom.PLUGIN).get(10, TimeUnit.SECONDS);
      api.message(admin, TextRoom.create(ROOM), null, null).get(10, TimeUnit.SECONDS);
      Peer backend;
      try {
        backend = join(api, loop, cert, rnd, List.of(BACKEND)).get(0);
      } catch (Exception e) {
        throw new IOException("the backend's TextRoom join failed: " + e.getMessage() + "\njanus log:\n" + janus.log(), e);
      }
      List<Peer> voters = new ArrayList<>();
      for (int start = 0; start < options.viewers(); start += JOIN_BATCH) {
        List<String> names = new ArrayList<>();
        for (int i = start; i < Math.min(options.viewers(), start + JOIN_BATCH); i++) {
          names.add("voter-" + i);
        }
        try {
          voters.addAll(join(api, loop, cert, rnd, names));
        } catch (Exception e) {
          throw new IOException("a voter's TextRoom join failed: " + e.getMessage() + "\njanus log:\n" + janus.log(), e);
        }
      }
      log.accept(voters.size() + " voters joined Janus's TextRoom room " + ROOM + " over data channels");
      long sent = 0;
      double[] rates = new double[storms];
      double[] latency = new double[storms];
      double sendSeconds = 0;
      long cpuNanos = 0;
      for (int k = 0; k < storms; k++) {
        String pollId = "storm-" + k;
        opened.put(pollId, new AtomicInteger());
        counted.put(pollId, new AtomicInteger());
        String open = JSON.createObjectNode().put("type", "poll.opened").put("pollId", pollId).toString();
        loop.sendData(List.of(backend), i -> TextRoom.message("open-" + pollId, ROOM, null, open))
            .get(10, TimeUnit.SECONDS);
        await(() -> opened.get(pollId).get() >= voters.size(), "every voter sees " + pollId + " open");
        long cpu0 = janus.cpuNanos();
        long t0 = System.nanoTime();
        int storm = k;
        int written = loop.sendData(voters, i -> TextRoom.message("v" + storm + "-" + i, ROOM, BACKEND,
            JSON.createObjectNode().put("type", "vote").put("pollId", pollId).put("option", (i + storm) % OPTIONS)
                .toString())).get(60, TimeUnit.SECONDS);
        long tLast = System.nanoTime();
        if (written < voters.size()) {
          relayErrors.addAndGet(voters.size() - written);
          firstError.compareAndSet(null, (voters.size() - written) + " votes did not fit the SCTP send buffer");
        }
        sent += voters.size();
        while (counted.get(pollId).get() < written && System.nanoTime() - tLast < DEADLINE_NANOS) {
          Thread.sleep(1);
        }
        long tCounted = System.nanoTime();
        long cpu1 = janus.cpuNanos();
        rates[k] = voters.size() / ((tCounted - t0) / 1e9);
        latency[k] = (tCounted - tLast) / 1e6;
        sendSeconds += (tLast - t0) / 1e9;
        cpuNanos += cpu0 < 0 || cpu1 < 0 ? 0 : cpu1 - cpu0;
        log.accept(String.format("janus %s: %d votes sent in %.0f ms, counted %d after %.0f ms (%.0f votes/s)",
            pollId, voters.size(), (tLast - t0) / 1e6, counted.get(pollId).get(), (tCounted - t0) / 1e6, rates[k]));
        Thread.sleep(200); // The same pause between storms as on Odeon.
      }
      Thread.sleep(200); // Late duplicates, if any, would show up in the count.
      long total = counted.values().stream().mapToLong(AtomicInteger::get).sum();
      Arrays.sort(latency);
      double cpuPerK = janus.cpuNanos() < 0 || sent == 0 ? -1 : cpuNanos / 1e6 / (sent / 1000.0);
      return new PollResult(voters.size(), storms, sent, total, Arrays.stream(rates).average().orElse(0),
          sendSeconds / storms, cpuPerK, latency[latency.length / 2], latency[latency.length - 1], relayErrors.get(),
          firstError.get());
    } finally {
      timer.shutdownNow();
    }
  }

  /** Connects and joins the participants {@code names} at once; returns their peers in order. */
  private List<Peer> join(JanusApi api, UdpLoop loop, DtlsCertificate cert, Random rnd, List<String> names)
      throws Exception {
    List<Peer> peers = new ArrayList<>();
    List<CompletableFuture<?>> up = new ArrayList<>();
    for (String name : names) {
      joined.put(name, new CompletableFuture<>());
      Consumer<String> onText = name.equals(BACKEND) ? this::onBackendText : text -> onVoterText(name, text);
      DataChannelClient channel = new DataChannelClient(new Random(rnd.nextLong()), TextRoom.LABEL, onText);
      Peer p = Peer.dataViewer(cert, rnd, channel);
      peers.add(p);
      up.add(connect(api, loop, p).thenCompose(x -> channel.opened()));
    }
    CompletableFuture.allOf(up.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    loop.sendData(peers, i -> TextRoom.join("join-" + names.get(i), ROOM, names.get(i))).get(10, TimeUnit.SECONDS);
    CompletableFuture.allOf(names.stream().map(joined::get).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    return peers;
  }

  /** {@code setup}, answer Janus's offer with {@code ack}, trickle, then ICE and DTLS. */
  private static CompletableFuture<Peer> connect(JanusApi api, UdpLoop loop, Peer p) {
    return api.attach(TextRoom.PLUGIN).thenCompose(handle -> api.message(handle, TextRoom.setup(), null, null)
        .thenCompose(event -> {
          JsonNode jsep = event.path("jsep");
          if (!"offer".equals(jsep.path("type").asText())) {
            throw new IllegalStateException("janus sent no offer: " + event);
          }
          String offer = jsep.path("sdp").asText();
          p.setAnswer(offer);
          p.setIceControlled();
          return api.message(handle, TextRoom.ack(), "answer",
              TextRoom.answer(offer, p.iceCredentials(), p.certificate())).thenCompose(acked -> {
                CompletableFuture<Peer> connected = loop.add(p, 0);
                return loop.call(p::localPort).thenCompose(port -> api.trickle(handle, port, TextRoom.dataMid(offer)))
                    .thenCompose(ack -> connected);
              });
        }));
  }

  private void onVoterText(String name, String text) {
    JsonNode m = parse(text);
    switch (m.path("textroom").asText()) {
      case "success" -> complete(m);
      case "message" -> {
        JsonNode d = parse(m.path("text").asText());
        if ("poll.opened".equals(d.path("type").asText())) {
          AtomicInteger n = opened.get(d.path("pollId").asText());
          if (n != null) {
            n.incrementAndGet();
          }
        }
      }
      case "error" -> error(name + ": " + text);
      default -> { } // join and leave notices of other participants
    }
  }

  private void onBackendText(String text) {
    JsonNode m = parse(text);
    switch (m.path("textroom").asText()) {
      case "success" -> complete(m);
      case "message" -> {
        JsonNode d = parse(m.path("text").asText());
        if ("vote".equals(d.path("type").asText())) {
          AtomicInteger n = counted.get(d.path("pollId").asText());
          if (n != null) {
            n.incrementAndGet();
          } else {
            error("backend: a vote for an unknown poll: " + text);
          }
        }
      }
      case "error" -> error("backend: " + text);
      default -> { }
    }
  }

  private void complete(JsonNode m) {
    String tx = m.path("transaction").asText();
    if (tx.startsWith("join-")) {
      CompletableFuture<Void> f = joined.get(tx.substring(5));
      if (f != null) {
        f.complete(null);
      }
    }
  }

  private void error(String what) {
    relayErrors.incrementAndGet();
    firstError.compareAndSet(null, what);
    String tx = parse(what.substring(what.indexOf('{') < 0 ? 0 : what.indexOf('{'))).path("transaction").asText();
    if (tx.startsWith("join-") && joined.containsKey(tx.substring(5))) {
      joined.get(tx.substring(5)).completeExceptionally(new IOException("janus refused the join: " + what));
    }
  }

  private JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException | RuntimeException e) {
      return JSON.createObjectNode();
    }
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
