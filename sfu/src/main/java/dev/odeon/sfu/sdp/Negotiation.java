package dev.odeon.sfu.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a browser's offer for one of the two roles of an SFU session (JSEP RFC 8829 §5.3):
 * a publisher sends media to us (answer {@code recvonly}), a viewer receives from us (answer
 * {@code sendonly}). Stateless and pure; safe from any thread.
 *
 * <p>A section is accepted when it is audio or video, is in the offer's BUNDLE group, uses
 * {@code UDP/TLS/RTP/SAVPF} with {@code a=rtcp-mux} (RFC 5761; we only do muxed RTCP), is not
 * rejected by the offer (port 0 without {@code a=bundle-only}), has a direction that fits the role
 * ({@code sendonly} or {@code sendrecv} to publish, {@code recvonly} or {@code sendrecv} to view)
 * and has at least one codec in common ({@link CodecNegotiator}). Every other section is rejected
 * in the answer (port 0) but keeps its mid. When {@link Options#dataChannels()} is set, a data
 * channel section is accepted as {@link DataSection} describes.
 *
 * <p>Both methods throw {@link SdpException}: {@code bad_sdp} when the offer says
 * {@code a=setup:passive} or anything but actpass/active (RFC 5763 §5: we must be the DTLS server)
 * or has no BUNDLE group; {@code no_common_codec} when no section can be accepted.
 */
public final class Negotiation {
  private static final Set<String> RTP_PROTOS = Set.of("UDP/TLS/RTP/SAVPF", "RTP/SAVPF");

  private enum Role { PUBLISH, VIEW }

  private Negotiation() {}

  /** Answers a publisher's offer: its audio/video sections are sendonly (or sendrecv). */
  public static NegotiatedSession answerPublish(
      SessionDescription offer, LocalTransport local, Options options) {
    return answer(offer, local, options, Role.PUBLISH, ViewSsrcs.NONE);
  }

  /**
   * Answers a viewer's offer: its sections are recvonly (or sendrecv); the answer announces the
   * SSRCs in {@code ssrcs} for the mids it accepts.
   */
  public static NegotiatedSession answerView(
      SessionDescription offer, LocalTransport local, Options options, ViewSsrcs ssrcs) {
    return answer(offer, local, options, Role.VIEW, Objects.requireNonNull(ssrcs, "ssrcs"));
  }

  private static NegotiatedSession answer(SessionDescription offer, LocalTransport local,
      Options options, Role role, ViewSsrcs ssrcs) {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(options, "options");
    RemoteTransport remote = offer.transport();
    if (!remote.setup().equals("actpass") && !remote.setup().equals("active")) {
      throw SdpException.bad("a=setup must be actpass or active; the server is DTLS passive");
    }
    List<String> bundle = offer.bundleMids();
    if (bundle.isEmpty()) {
      throw SdpException.bad("the offer must put its m= sections in a=group:BUNDLE");
    }
    List<NegotiatedMedia> results = new ArrayList<>();
    List<String> acceptedMids = new ArrayList<>();
    for (MediaSection m : offer.media()) {
      NegotiatedMedia result = section(m, offer, bundle, role, options);
      results.add(result);
      if (result.accepted()) {
        acceptedMids.add(result.mid());
      }
    }
    if (acceptedMids.isEmpty()) {
      throw new SdpException(SdpException.NO_COMMON_CODEC, "no media section could be accepted");
    }
    String sdp = AnswerWriter.write(offer, local, results, acceptedMids, ssrcs);
    return new NegotiatedSession(sdp, remote.ice(), remote.fingerprintSha256(), remote.setup(),
        results, acceptedMids);
  }

  private static NegotiatedMedia section(MediaSection m, SessionDescription offer,
      List<String> bundle, Role role, Options options) {
    if (m.kind() == MediaKind.APPLICATION && options.dataChannels()) {
      return DataSection.negotiate(m, bundle);
    }
    RemoteSsrcs ssrcs = RemoteSsrcs.from(m);
    Optional<Msid> msid = RemoteSsrcs.msid(m, ssrcs);
    MediaKind kind = m.kind();
    Direction direction = answerDirection(role, Direction.of(m, offer.attributes()));
    boolean usable = (kind == MediaKind.AUDIO || kind == MediaKind.VIDEO)
        && (m.port() != 0 || m.hasAttribute("bundle-only"))
        && bundle.contains(m.mid())
        && RTP_PROTOS.contains(m.proto().toUpperCase(Locale.ROOT))
        && m.hasAttribute("rtcp-mux")
        && direction != null;
    List<Codec> codecs = usable ? CodecNegotiator.negotiate(m, options) : List.of();
    if (codecs.isEmpty()) {
      return new NegotiatedMedia(m.mid(), kind, false, Direction.INACTIVE, List.of(), Map.of(),
          ssrcs, msid, false);
    }
    return new NegotiatedMedia(m.mid(), kind, true, direction, codecs,
        Extensions.negotiate(m, offer.attributes(), options), ssrcs, msid,
        m.hasAttribute("rtcp-rsize"));
  }

  /** Our direction for the offer's, or null when the offer's does not fit the role. */
  private static Direction answerDirection(Role role, Direction offered) {
    if (role == Role.PUBLISH) {
      return offered == Direction.SENDONLY || offered == Direction.SENDRECV
          ? Direction.RECVONLY : null;
    }
    return offered == Direction.RECVONLY || offered == Direction.SENDRECV
        ? Direction.SENDONLY : null;
  }
}
