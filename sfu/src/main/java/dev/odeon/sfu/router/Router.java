package dev.odeon.sfu.router;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.Projection;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.ViewOptions;
import dev.odeon.sfu.audio.ActivityConfig;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.rtcp.Fir;
import dev.odeon.sfu.rtcp.Nack;
import dev.odeon.sfu.rtcp.Pli;
import dev.odeon.sfu.rtcp.ReceiverReport;
import dev.odeon.sfu.rtcp.Remb;
import dev.odeon.sfu.rtcp.ReportBlock;
import dev.odeon.sfu.rtcp.RtcpPacket;
import dev.odeon.sfu.rtcp.SenderReport;
import dev.odeon.sfu.rtcp.TransportCc;
import dev.odeon.sfu.rtp.RtpPacket;
import dev.odeon.sfu.rtp.RtpRewriter;
import dev.odeon.sfu.rtp.codec.H264;
import dev.odeon.sfu.rtp.codec.Vp8;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams and the forwarding between their publishers and viewers. Receives parsed, decrypted
 * packets from sessions and sends rewritten copies to viewers through their {@link Endpoint}s.
 * Repairs loss on both legs with generic NACK (RFC 4585): a viewer's NACK is answered from the
 * publisher track's {@link RetransmissionBuffer}, and loss on the way in is NACKed to the publisher
 * (whose resent packets then reach viewers like late ones). Media thread only; no I/O, no clock
 * (time is passed in).
 */
public final class Router {
  /** The bandwidth we tell publishers they may use (REMB), bits per second. */
  static final long PUBLISHER_REMB_BPS = 2_500_000L;

  private final Map<StreamId, Stream> streams = new HashMap<>();
  private final Consumer<MediaEvent> events;
  private final Consumer<DropReason> drops;
  private final ActivityConfig activity;
  private final Multiplexer mux;
  /** One scratch buffer for every outgoing copy: the media thread sends it before reusing it. */
  private final byte[] out = new byte[2048 + Endpoint.HEADROOM];
  private final RtpRewriter.Result rewritten = new RtpRewriter.Result();
  /** A view over a kept packet being resent. */
  private final RtpPacket resent = new RtpPacket();
  /** An RTX packet turned back into its original, and the view over it. */
  private final byte[] restoredBuf = new byte[2048 + Endpoint.HEADROOM];
  private final RtpPacket restored = new RtpPacket();
  /** Sequence numbers of one NACK to a publisher. */
  private final int[] nackSeqs = new int[64];
  private final RepairCounters repair;
  /** Earliest time {@link #handleTimeout} has work (ranking or an announced switch). */
  private long nextDeadline = Long.MIN_VALUE;

  public Router(Consumer<MediaEvent> events, Consumer<DropReason> drops) {
    this(events, drops, ActivityConfig.DEFAULT);
  }

  public Router(Consumer<MediaEvent> events, Consumer<DropReason> drops, ActivityConfig activity) {
    this(events, drops, activity, new RepairCounters());
  }

  public Router(Consumer<MediaEvent> events, Consumer<DropReason> drops, ActivityConfig activity,
      RepairCounters repair) {
    this.events = events;
    this.drops = drops;
    this.activity = activity;
    this.repair = repair;
    this.mux = new Multiplexer(this, events);
  }

  /** Retransmission and NACK counters. */
  public RepairCounters repairCounters() {
    return repair;
  }

  private Stream stream(StreamId id) {
    return streams.computeIfAbsent(id, k -> new Stream(k, activity));
  }

  /** Adds a (not yet active) publisher of {@code source}. The caller removes any previous one first. */
  public Publisher addPublisher(StreamId stream, SourceId source, Endpoint endpoint, int localSsrc,
      List<MediaLine> lines) {
    Publisher p = new Publisher(stream, source, endpoint, localSsrc, lines);
    Stream s = stream(stream);
    s.sources.put(source, p);
    p.audioMuted = s.muted.contains(source);
    return p;
  }

  /** The publisher of {@code source} in {@code stream}, or null. */
  public Publisher publisher(StreamId stream, SourceId source) {
    Stream s = streams.get(stream);
    return s == null ? null : s.sources.get(source);
  }

  /** The publisher's transport is up: announce the source and re-derive every viewer's slots. */
  public void activate(long nowNanos, Publisher p) {
    if (p.active) {
      return;
    }
    p.active = true;
    p.activatedAt = nowNanos;
    events.accept(new MediaEvent.SourceActive(p.stream, p.source, p.tracks()));
    Stream s = streams.get(p.stream);
    if (p.audio != null) {
      p.activity = s.ranking.add(p);
    }
    for (Viewer v : s.viewers) {
      mux.refresh(nowNanos, s, v);
    }
    nextDeadline = Long.MIN_VALUE;
  }

  public void removePublisher(long nowNanos, Publisher p) {
    Stream s = streams.get(p.stream);
    if (s == null || s.sources.get(p.source) != p) {
      return;
    }
    s.sources.remove(p.source);
    s.ranking.remove(p.activity);
    p.activity = null;
    if (p.active) {
      p.active = false;
      events.accept(new MediaEvent.SourceInactive(p.stream, p.source));
    }
    // Empty its slots at once (copies: bind edits these lists), then let each viewer re-derive.
    for (OutSlot slot : List.copyOf(p.audioSlots)) {
      mux.bind(nowNanos, slot, null);
    }
    for (OutSlot slot : List.copyOf(p.videoSlots)) {
      mux.bind(nowNanos, slot, null);
    }
    for (Viewer v : s.viewers) {
      mux.refresh(nowNanos, s, v);
    }
    dropIfEmpty(s);
  }

  /**
   * Adds a viewer with the given options (already checked with {@link Viewer#validate}) and binds
   * its slots.
   */
  public Viewer addViewer(long nowNanos, StreamId stream, SessionId session, Endpoint endpoint,
      ViewOptions options, List<MediaLine> lines, Viewer.SlotSeeds seeds) {
    Stream s = stream(stream);
    Viewer v = new Viewer(session, stream, endpoint, options, lines, seeds);
    s.viewers.add(v);
    mux.refresh(nowNanos, s, v);
    nextDeadline = Long.MIN_VALUE;
    return v;
  }

  public void removeViewer(Viewer v) {
    v.removed = true;
    Stream s = streams.get(v.stream);
    if (s == null) {
      return;
    }
    for (OutSlot slot : v.slots) {
      mux.bind(0, slot, null);
      slot.hasPending = false;
    }
    s.viewers.remove(v);
    s.pending.remove(v);
    dropIfEmpty(s);
  }

  /** The viewer's transport is up: ask for keyframes so its video slots start at once. */
  public void onViewerReady(long nowNanos, Viewer v) {
    for (OutSlot slot : v.slots) {
      if (slot.kind == MediaKind.VIDEO && slot.source != null) {
        requestKeyframe(nowNanos, slot.source);
      }
    }
  }

  /** Sends {@code source}'s tracks into the viewer's slots; throws {@link dev.odeon.sfu.api.MediaException}. */
  public void project(long nowNanos, Viewer v, SourceId source, List<Projection> mapping) {
    mux.project(nowNanos, streamOf(v), v, source, mapping);
    nextDeadline = Long.MIN_VALUE;
  }

  /** Returns the viewer's slots {@code mids} to their default role. */
  public void unproject(long nowNanos, Viewer v, List<String> mids) {
    mux.unproject(nowNanos, streamOf(v), v, mids);
    nextDeadline = Long.MIN_VALUE;
  }

  private Stream streamOf(Viewer v) {
    Stream s = streams.get(v.stream);
    if (s == null || v.removed) {
      throw new dev.odeon.sfu.api.MediaException("unknown_session", "this viewing session has ended");
    }
    return s;
  }

  /**
   * Timers: closes each stream's activity window and re-ranks once per interval, re-assigns the
   * multiplexed slots of viewers when a ranking changed, and binds announced switches when due.
   */
  public void handleTimeout(long nowNanos) {
    if (nextDeadline != Long.MIN_VALUE && nowNanos - nextDeadline < 0) {
      return;
    }
    long next = nowNanos + activity.intervalNanos();
    for (Stream s : streams.values()) {
      next = Math.min(next, mux.tick(nowNanos, s));
    }
    nextDeadline = Math.max(next, nowNanos + 1);
  }

  /** When {@link #handleTimeout} next has work. */
  public long pollTimeout(long nowNanos) {
    return nextDeadline == Long.MIN_VALUE ? nowNanos : nextDeadline;
  }

  /** The sources currently live in {@code stream}. */
  public List<Publisher> activeSources(StreamId stream) {
    Stream s = streams.get(stream);
    List<Publisher> live = new ArrayList<>();
    if (s != null) {
      for (Publisher p : s.sources.values()) {
        if (p.active) {
          live.add(p);
        }
      }
    }
    return live;
  }

  /**
   * Stops (or resumes) forwarding the audio of {@code source}, at once and across re-publishing,
   * until unmuted or the stream is forgotten ({@link #forgetStream}).
   */
  public void setMuted(StreamId stream, SourceId source, boolean muted) {
    Stream s = stream(stream);
    if (muted) {
      s.muted.add(source);
    } else {
      s.muted.remove(source);
    }
    Publisher p = s.sources.get(source);
    if (p != null) {
      p.audioMuted = muted;
    }
    dropIfEmpty(s);
  }

  /**
   * Makes {@code source} the stream's featured source: every viewer watches it while it is live;
   * otherwise (or with null) viewers watch the first live source, as before.
   */
  public void setFeatured(long nowNanos, StreamId stream, SourceId source) {
    Stream s = stream(stream);
    s.featured = source;
    for (Viewer v : s.viewers) {
      mux.refresh(nowNanos, s, v);
    }
    nextDeadline = Long.MIN_VALUE;
    dropIfEmpty(s);
  }

  /** Drops the stream's moderation state (mutes, featured source); the stage ended. */
  public void forgetStream(StreamId stream) {
    Stream s = streams.get(stream);
    if (s != null) {
      s.muted.clear();
      s.featured = null;
      dropIfEmpty(s);
    }
  }

  private void dropIfEmpty(Stream s) {
    if (s.isEmpty()) {
      streams.remove(s.id);
    }
  }

  /** A decrypted, parsed RTP packet from a publisher: account it and fan it out. */
  public void handlePublisherRtp(long nowNanos, Publisher p, RtpPacket pkt, byte[] buf) {
    if (p.transportCc != null) {
      recordTransportCc(nowNanos, p, pkt, buf);
    }
    InputTrack track = p.trackForPayloadType(pkt.payloadType());
    if (track == null) {
      drops.accept(DropReason.UNSUPPORTED_PAYLOAD);
      return;
    }
    int apt = track.rtxApt(pkt.payloadType());
    if (apt >= 0) {
      handleRtx(nowNanos, p, track, apt, pkt, buf);
      return;
    }
    handleMedia(nowNanos, p, track, pkt, buf);
  }

  /**
   * An RTX packet (RFC 4588) on the track's RTX stream. Padding-only ones (the browser's bandwidth
   * probes) end here. A retransmission becomes its original again (sequence number from the OSN, the
   * media SSRC and payload type, the payload after the OSN) and goes on as a late media packet,
   * unless the original already arrived (then it is a duplicate, or a probe made of an old packet).
   */
  private void handleRtx(long nowNanos, Publisher p, InputTrack track, int apt, RtpPacket pkt, byte[] buf) {
    int ssrc = pkt.ssrc();
    if (!track.rtxSsrcKnown) {
      track.rtxSsrc = ssrc;
      track.rtxSsrcKnown = true;
    } else if (track.rtxSsrc != ssrc) {
      drops.accept(DropReason.UNKNOWN_SSRC);
      return;
    }
    if (pkt.payloadLength() < 2 || !track.ssrcKnown) {
      return;
    }
    int at = pkt.payloadOffset();
    int osn = ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
    if (track.retransmissions != null && track.retransmissions.find(nowNanos, track.ssrc, osn, resent)) {
      return;
    }
    int header = pkt.headerLength();
    int body = pkt.payloadLength() - 2;
    if (header + body + Endpoint.HEADROOM > restoredBuf.length) {
      return;
    }
    System.arraycopy(buf, pkt.offset(), restoredBuf, 0, header);
    restoredBuf[0] &= (byte) ~0x20; // the RTX packet's padding is not the original's
    restoredBuf[1] = (byte) ((restoredBuf[1] & 0x80) | apt);
    putShort(restoredBuf, 2, osn);
    putInt(restoredBuf, 8, track.ssrc);
    System.arraycopy(buf, at + 2, restoredBuf, header, body);
    if (restored.wrap(restoredBuf, 0, header + body)) {
      handleMedia(nowNanos, p, track, restored, restoredBuf);
    }
  }

  /** A media packet of {@code track}: account it and fan it out. */
  private void handleMedia(long nowNanos, Publisher p, InputTrack track, RtpPacket pkt, byte[] buf) {
    int ssrc = pkt.ssrc();
    if (!track.ssrcKnown) {
      track.ssrc = ssrc;
      track.ssrcKnown = true;
    } else if (track.ssrc != ssrc) {
      // One transceiver sends on one SSRC for the session's life (no renegotiation here); other
      // SSRCs are unsignalled and must not disturb the mapping, the stats or the ranking.
      drops.accept(DropReason.UNKNOWN_SSRC);
      return;
    }
    track.stats.onPacket(nowNanos, pkt.sequenceNumber(), pkt.timestamp());
    if (track.nacks != null) {
      track.nacks.onPacket(nowNanos, pkt.sequenceNumber());
      if (track.nacks.missing() > 0) {
        sendNack(nowNanos, p, track);
      }
    }
    if (track.kind == MediaKind.AUDIO && p.audioMuted) {
      // A moderator muted this source: its audio is received (and reported) but neither forwarded
      // nor ranked, so a muted speaker never holds a multiplexed slot.
      return;
    }
    if (track.audioLevelExtId > 0 && p.activity != null) {
      int level = RtpPacket.audioLevel(pkt, track.audioLevelExtId);
      if (level < 0 || !p.activity.handleLevel(level)) {
        drops.accept(DropReason.AUDIO_LEVEL_INVALID);
      }
    }
    List<OutSlot> slots = p.slots(track.kind);
    if (slots.isEmpty()) {
      return;
    }
    if (track.retransmissions != null) {
      track.retransmissions.store(nowNanos, pkt);
    }
    boolean keyframe = track.kind == MediaKind.VIDEO && isKeyframe(track.codec(pkt.payloadType()), pkt, buf);
    // A video packet with more of its frame to come may wait for them (one GSO send per viewer).
    boolean deferrable = track.kind == MediaKind.VIDEO && !pkt.marker();
    boolean wantKeyframe = false;
    for (int i = 0, n = slots.size(); i < n; i++) {
      OutSlot slot = slots.get(i);
      if (!slot.viewer.endpoint.isReady()) {
        continue;
      }
      if (slot.waitingForKeyframe) {
        if (!keyframe) {
          wantKeyframe = true;
          continue;
        }
        slot.waitingForKeyframe = false;
      }
      forward(nowNanos, slot, pkt, buf, deferrable);
    }
    if (wantKeyframe) {
      requestKeyframe(nowNanos, p);
    }
  }

  private static boolean isKeyframe(RtpCodec codec, RtpPacket pkt, byte[] buf) {
    if (codec == null) {
      return false;
    }
    if (codec.isVp8()) {
      return Vp8.isKeyframe(buf, pkt.payloadOffset(), pkt.payloadLength());
    }
    if (codec.isH264()) {
      return H264.isKeyframe(buf, pkt.payloadOffset(), pkt.payloadLength());
    }
    return false;
  }

  /**
   * Copies the packet for one viewer: a fresh 12-byte header (no CSRCs, no header extensions the
   * viewer did not negotiate) with the slot's SSRC, rewritten sequence number and timestamp and the
   * viewer's payload type, then the payload and any padding.
   */
  private void forward(long nowNanos, OutSlot slot, RtpPacket pkt, byte[] buf, boolean deferrable) {
    int pt = slot.outPayloadType(pkt.payloadType());
    if (pt < 0) {
      return;
    }
    if (!slot.rewriter.rewrite(nowNanos, pkt.ssrc(), pkt.sequenceNumber(), pkt.timestamp(), rewritten)) {
      return;
    }
    int body = pkt.payloadLength() + pkt.paddingLength();
    if (12 + body + Endpoint.HEADROOM > out.length) {
      return;
    }
    int first = buf[pkt.offset()] & 0xFF;
    out[0] = (byte) (0x80 | (first & 0x20));
    out[1] = (byte) ((buf[pkt.offset() + 1] & 0x80) | pt);
    putShort(out, 2, rewritten.seq());
    putInt(out, 4, (int) rewritten.timestamp());
    putInt(out, 8, slot.outSsrc);
    System.arraycopy(buf, pkt.payloadOffset(), out, 12, body);
    slot.viewer.endpoint.sendRtp(out, 0, 12 + body, deferrable);
    slot.rewriter.onSent(pkt.payloadLength());
  }

  /** RTCP from a publisher: sender reports are translated for every viewer fed from that track. */
  public void handlePublisherRtcp(long nowNanos, Publisher p, List<RtcpPacket> packets) {
    for (RtcpPacket packet : packets) {
      if (packet instanceof SenderReport sr) {
        InputTrack track = trackBySsrc(p, sr.ssrc());
        if (track == null) {
          continue;
        }
        track.stats.onSenderReport(nowNanos, sr.ntpTimestamp());
        for (OutSlot slot : p.slots(track.kind)) {
          sendTranslatedSr(slot, sr);
        }
      }
    }
  }

  private void sendTranslatedSr(OutSlot slot, SenderReport sr) {
    if (!slot.viewer.endpoint.isReady() || !(slot.rewriter.hasInput() && slot.rewriter.inputSsrc() == sr.ssrc())) {
      return;
    }
    RtpRewriter rw = slot.rewriter;
    SenderReport translated = new SenderReport(slot.outSsrc, sr.ntpTimestamp(),
        rw.toOutTimestamp(sr.rtpTimestamp()), rw.packetsSent(), rw.octetsSent(), List.of());
    int len = translated.writeTo(out, 0);
    slot.viewer.endpoint.sendRtcp(out, 0, len);
  }

  private static InputTrack trackBySsrc(Publisher p, int ssrc) {
    if (p.audio != null && p.audio.ssrcKnown && p.audio.ssrc == ssrc) {
      return p.audio;
    }
    if (p.video != null && p.video.ssrcKnown && p.video.ssrc == ssrc) {
      return p.video;
    }
    return null;
  }

  /**
   * RTCP from a viewer: keyframe requests go to the source feeding the slot; NACKs are answered
   * from the slot's input track's buffer.
   */
  public void handleViewerRtcp(long nowNanos, Viewer v, List<RtcpPacket> packets) {
    for (RtcpPacket packet : packets) {
      int mediaSsrc;
      if (packet instanceof Nack nack) {
        retransmit(nowNanos, v, nack);
        continue;
      } else if (packet instanceof Pli pli) {
        mediaSsrc = pli.mediaSsrc();
      } else if (packet instanceof Fir fir && !fir.entries().isEmpty()) {
        mediaSsrc = fir.entries().get(0).ssrc();
      } else {
        continue;
      }
      OutSlot slot = v.slotBySsrc(mediaSsrc);
      if (slot != null && slot.kind == MediaKind.VIDEO && slot.source != null) {
        requestKeyframe(nowNanos, slot.source);
      }
    }
  }

  /**
   * Resends what a viewer's NACK asks for, if the slot's current input still has it: the output
   * number is mapped back to the input's ({@link RtpRewriter#toInSeq}), looked up in the input
   * track's buffer, and forwarded again like a late packet, so it gets the same number, timestamp
   * and payload type as the first time. Each resent packet spends the viewer's budget.
   */
  private void retransmit(long nowNanos, Viewer v, Nack nack) {
    OutSlot slot = v.slotBySsrc(nack.mediaSsrc());
    int[] lost = nack.lostSeqs();
    InputTrack input = slot == null ? null : slot.input;
    if (input == null || input.retransmissions == null || !v.endpoint.isReady() || slot.waitingForKeyframe
        || !slot.rewriter.hasInput() || slot.rewriter.inputSsrc() != input.ssrc) {
      for (int i = 0; i < lost.length; i++) {
        drops.accept(DropReason.NACK_UNAVAILABLE);
      }
      return;
    }
    for (int outSeq : lost) {
      int inSeq = slot.rewriter.toInSeq(outSeq);
      if (inSeq < 0 || !input.retransmissions.find(nowNanos, input.ssrc, inSeq, resent)) {
        drops.accept(DropReason.NACK_UNAVAILABLE);
      } else if (!v.takeRetransmission(nowNanos)) {
        drops.accept(DropReason.NACK_RATE_LIMITED);
      } else {
        forward(nowNanos, slot, resent, resent.buffer(), false);
        repair.retransmitted++;
      }
    }
  }

  /** Notes the packet's transport-wide sequence number and sends the feedback when it is due. */
  private void recordTransportCc(long nowNanos, Publisher p, RtpPacket pkt, byte[] buf) {
    TransportCcRecorder tcc = p.transportCc;
    int at = pkt.findExtension(tcc.extId);
    if (at < 0 || pkt.extensionLength(tcc.extId) != 2) {
      return;
    }
    tcc.onPacket(nowNanos, ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF));
    if (!tcc.isDue(nowNanos) || !p.endpoint.isReady()) {
      return;
    }
    TransportCc fb = tcc.feedback(nowNanos, p.localSsrc, pkt.ssrc());
    if (fb != null && fb.statusCount() > 0) {
      int len = fb.writeTo(out, 0);
      p.endpoint.sendRtcp(out, 0, len);
      repair.transportCcSent++;
    }
  }

  /** Asks the publisher for the video packets it is due to resend (one NACK, up to 64 numbers). */
  private void sendNack(long nowNanos, Publisher p, InputTrack track) {
    if (!p.endpoint.isReady()) {
      return;
    }
    int n = track.nacks.due(nowNanos, nackSeqs);
    if (n == 0) {
      return;
    }
    int len = new Nack(p.localSsrc, track.ssrc, java.util.Arrays.copyOf(nackSeqs, n)).writeTo(out, 0);
    p.endpoint.sendRtcp(out, 0, len);
    repair.nacksSent++;
    repair.nackedSeqsSent += n;
  }

  /** Sends a PLI for the publisher's video, at most once per {@link InputTrack#KEYFRAME_REQUEST_INTERVAL_NANOS}. */
  void requestKeyframe(long nowNanos, Publisher p) {
    InputTrack video = p.video;
    if (video == null || !p.endpoint.isReady() || !video.takeKeyframeRequest(nowNanos)) {
      return;
    }
    int len = new Pli(p.localSsrc, video.ssrc).writeTo(out, 0);
    p.endpoint.sendRtcp(out, 0, len);
  }

  /** The periodic receiver report (RFC 3550 §6.4.2) plus REMB to one publisher. */
  public void sendReceiverReports(long nowNanos, Publisher p) {
    if (!p.endpoint.isReady()) {
      return;
    }
    List<ReportBlock> blocks = new ArrayList<>(2);
    List<Integer> ssrcs = new ArrayList<>(2);
    for (InputTrack t : new InputTrack[] {p.audio, p.video}) {
      if (t == null || !t.ssrcKnown || !t.stats.hasData()) {
        continue;
      }
      ReceiveStats st = t.stats;
      blocks.add(new ReportBlock(t.ssrc, st.takeFractionLost(), st.cumulativeLost(),
          st.extendedHighestSeq() & 0xFFFFFFFFL, st.jitter(), st.lastSr(), st.delaySinceLastSr(nowNanos)));
      ssrcs.add(t.ssrc);
    }
    if (blocks.isEmpty()) {
      return;
    }
    int len = new ReceiverReport(p.localSsrc, blocks).writeTo(out, 0);
    len += new Remb(p.localSsrc, PUBLISHER_REMB_BPS, ssrcs).writeTo(out, len);
    p.endpoint.sendRtcp(out, 0, len);
  }

  private static void putShort(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
