package dev.odeon.sfu.router;

import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * One published source of a stream: a publishing peer's audio and/or video tracks and the viewer
 * slots currently fed from them. Media thread only.
 */
public final class Publisher {
  final StreamId stream;
  final SourceId source;
  final Endpoint endpoint;
  /** Our SSRC as the sender of RTCP (receiver reports, PLI, REMB) toward this publisher. */
  final int localSsrc;
  final InputTrack audio;
  final InputTrack video;
  final List<OutSlot> audioSlots = new ArrayList<>();
  final List<OutSlot> videoSlots = new ArrayList<>();
  boolean active;
  long activatedAt;
  /** Voice activity of the audio track while active (null without audio or when inactive). */
  dev.odeon.sfu.audio.SourceActivity<Publisher> activity;
  /** Set by a moderator: the router drops this source's audio instead of forwarding it. */
  boolean audioMuted;
  /** Transport-wide congestion control feedback for this peer; null when not negotiated. */
  TransportCcRecorder transportCc;

  Publisher(StreamId stream, SourceId source, Endpoint endpoint, int localSsrc,
      List<MediaLine> lines) {
    this.stream = stream;
    this.source = source;
    this.endpoint = endpoint;
    this.localSsrc = localSsrc;
    InputTrack a = null;
    InputTrack v = null;
    for (MediaLine line : lines) {
      if (line.kind() == MediaKind.AUDIO && a == null) {
        a = new InputTrack(line);
      } else if (line.kind() == MediaKind.VIDEO && v == null) {
        v = new InputTrack(line);
      }
    }
    this.audio = a;
    this.video = v;
  }

  public StreamId stream() {
    return stream;
  }

  /**
   * The peer negotiated transport-cc (the header extension with id {@code extId} and the
   * {@code transport-cc} feedback): the router records arrivals and sends the feedback.
   */
  public void enableTransportCc(int extId) {
    if (extId < 1 || extId > 255) {
      throw new IllegalArgumentException("extension id " + extId);
    }
    transportCc = new TransportCcRecorder(extId);
  }

  public SourceId source() {
    return source;
  }

  public boolean isActive() {
    return active;
  }

  /** The tracks announced in {@code active} events. */
  public List<Track> tracks() {
    List<Track> tracks = new ArrayList<>(2);
    if (audio != null) {
      tracks.add(new Track("audio", audio.trackId));
    }
    if (video != null) {
      tracks.add(new Track("video", video.trackId));
    }
    return tracks;
  }

  InputTrack track(MediaKind kind) {
    return kind == MediaKind.AUDIO ? audio : video;
  }

  List<OutSlot> slots(MediaKind kind) {
    return kind == MediaKind.AUDIO ? audioSlots : videoSlots;
  }

  /** Finds the track a payload type belongs to; null when neither accepts it. */
  InputTrack trackForPayloadType(int pt) {
    if (audio != null && audio.accepts(pt)) {
      return audio;
    }
    if (video != null && video.accepts(pt)) {
      return video;
    }
    return null;
  }
}
