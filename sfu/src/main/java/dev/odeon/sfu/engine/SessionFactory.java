package dev.odeon.sfu.engine;

import dev.odeon.sfu.api.MediaException;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.ViewRequest;
import dev.odeon.sfu.ice.IceCredentials;
import dev.odeon.sfu.router.MediaKind;
import dev.odeon.sfu.router.MediaLine;
import dev.odeon.sfu.router.RtpCodec;
import dev.odeon.sfu.router.Viewer;
import dev.odeon.sfu.sdp.Candidate;
import dev.odeon.sfu.sdp.Codec;
import dev.odeon.sfu.sdp.LocalTransport;
import dev.odeon.sfu.sdp.MediaSection;
import dev.odeon.sfu.sdp.NegotiatedMedia;
import dev.odeon.sfu.sdp.NegotiatedSession;
import dev.odeon.sfu.sdp.Negotiation;
import dev.odeon.sfu.sdp.Options;
import dev.odeon.sfu.sdp.SdpException;
import dev.odeon.sfu.sdp.SessionDescription;
import dev.odeon.sfu.sdp.ViewSsrcs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;

/**
 * Turns a publish or view offer into everything a new session needs: fresh ICE credentials, the
 * SDP answer, the remote ICE and DTLS parameters, and the accepted media in the router's terms.
 * SDP problems become {@link MediaException}s with the protocol's error codes.
 */
final class SessionFactory {
  /** Viewers get no header extensions: the router strips them and writes none. */
  private static final Options VIEW_OPTIONS = Options.defaults().withExtensionUris(Set.of());
  /** A viewer's peer connection may also carry the interactive data channel. */
  private static final Options VIEW_DATA_OPTIONS = VIEW_OPTIONS.withDataChannels(true);
  /** Publishers get transport-cc: we send the feedback their bandwidth estimator needs. */
  private static final Options PUBLISH_OPTIONS = Options.defaults().withTransportCc(true).withRtx(true);

  private final List<Candidate> candidates;
  private final String fingerprint;
  private final Random random;

  SessionFactory(List<String> candidateIps, int port, String fingerprint, Random random) {
    this.candidates = candidateIps.stream().map(ip -> new Candidate(ip, port)).toList();
    this.fingerprint = fingerprint;
    this.random = random;
  }

  /** What a new session is made of. */
  record Prepared(StreamId stream, IceCredentials localIce, IceCredentials remoteIce,
      String remoteFingerprint, List<MediaLine> lines, String answerSdp, Viewer.SlotSeeds seeds,
      boolean dataChannel, int transportCcExtId) {}

  private boolean dataChannels;

  /** Whether view answers accept a data channel section (a data plane is plugged in). */
  void setDataChannels(boolean enabled) {
    dataChannels = enabled;
  }

  Prepared preparePublish(PublishRequest req) {
    SessionDescription offer = parse(req.offerSdp());
    IceCredentials local = IceCredentials.random(random);
    NegotiatedSession n = negotiate(() -> Negotiation.answerPublish(offer, transport(local), PUBLISH_OPTIONS));
    List<MediaLine> lines = new ArrayList<>();
    int transportCc = -1;
    for (NegotiatedMedia m : n.acceptedMedia()) {
      String trackId = m.msid().map(x -> x.trackId()).orElse(m.mid());
      Integer level = m.extensions().get(Options.EXT_AUDIO_LEVEL);
      lines.add(new MediaLine(m.mid(), kind(m), codecs(m), trackId, level == null ? -1 : level, nack(m)));
      // BUNDLE: one id per URI across the sections (RFC 8285 §6), so any section's id will do.
      Integer tcc = m.extensions().get(Options.EXT_TRANSPORT_CC);
      if (tcc != null && m.codecs().stream().anyMatch(c -> c.rtcpFb().contains("transport-cc"))) {
        transportCc = tcc;
      }
    }
    return new Prepared(req.stream(), local, remote(n), n.remoteFingerprintSha256(), lines,
        n.answerSdp(), null, false, transportCc);
  }

  Prepared prepareView(ViewRequest req) {
    SessionDescription offer = parse(req.offerSdp());
    IceCredentials local = IceCredentials.random(random);
    Map<String, ViewSsrcs.Entry> entries = new HashMap<>();
    Set<Long> used = new HashSet<>();
    for (MediaSection section : offer.media()) {
      String mid = section.mid();
      if (mid.isEmpty() || !(section.media().equals("audio") || section.media().equals("video"))) {
        continue;
      }
      long ssrc;
      do {
        ssrc = random.nextLong(1, 1L << 32);
      } while (!used.add(ssrc));
      entries.put(mid, new ViewSsrcs.Entry(ssrc, "odeon", "odeon", section.media() + "-" + mid));
    }
    NegotiatedSession n = negotiate(() ->
        Negotiation.answerView(offer, transport(local),
            dataChannels ? VIEW_DATA_OPTIONS : VIEW_OPTIONS, new ViewSsrcs(entries)));
    List<MediaLine> lines = new ArrayList<>();
    for (NegotiatedMedia m : n.acceptedMedia()) {
      if (m.kind() == dev.odeon.sfu.sdp.MediaKind.APPLICATION) {
        continue;
      }
      lines.add(new MediaLine(m.mid(), kind(m), codecs(m), entries.get(m.mid()).trackId()));
    }
    Viewer.SlotSeeds seeds = new Viewer.SlotSeeds() {
      @Override
      public int ssrc(String mid) {
        return (int) entries.get(mid).ssrc();
      }

      @Override
      public int nextSeq() {
        return random.nextInt(1 << 15);
      }

      @Override
      public long nextTs() {
        return random.nextLong(1L << 32);
      }
    };
    return new Prepared(req.stream(), local, remote(n), n.remoteFingerprintSha256(), lines,
        n.answerSdp(), seeds, n.acceptedDataChannel(), -1);
  }

  private LocalTransport transport(IceCredentials local) {
    return new LocalTransport(local.ufrag(), local.pwd(), fingerprint, candidates);
  }

  private static IceCredentials remote(NegotiatedSession n) {
    return new IceCredentials(n.remoteIce().ufrag(), n.remoteIce().pwd());
  }

  private static MediaKind kind(NegotiatedMedia m) {
    return switch (m.kind()) {
      case AUDIO -> MediaKind.AUDIO;
      case VIDEO -> MediaKind.VIDEO;
      default -> throw new IllegalStateException("accepted non-RTP section " + m.mid());
    };
  }

  /** Whether generic NACK (plain {@code nack}, not {@code nack pli}) was accepted for the section. */
  private static boolean nack(NegotiatedMedia m) {
    return m.codecs().stream().anyMatch(c -> c.rtcpFb().contains("nack"));
  }

  private static List<RtpCodec> codecs(NegotiatedMedia m) {
    List<RtpCodec> codecs = new ArrayList<>();
    for (Codec c : m.codecs()) {
      codecs.add(new RtpCodec(c.payloadType(), c.name(), c.clockRate(), c.fmtp()));
    }
    return codecs;
  }

  private static SessionDescription parse(String sdp) {
    if (sdp == null) {
      throw new MediaException("bad_sdp", "missing sdp");
    }
    return negotiate(() -> SessionDescription.parse(sdp));
  }

  private static <T> T negotiate(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (SdpException e) {
      throw new MediaException(e.code(), e.getMessage());
    }
  }
}
