package dev.odeon.sfu.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed WebRTC session description: session-level attributes, the m= sections in order, and the
 * transport of its BUNDLE group. Immutable; built only by {@link #parse(String)}, which accepts an
 * SDP only when a JSEP endpoint could use it:
 *
 * <ul>
 *   <li>RFC 8866 syntax ({@link SdpParser}), at most 64 KiB, {@code v=0} first, at least one m= line;
 *   <li>every m= section has one valid, unique {@code a=mid} (RFC 5888, JSEP RFC 8829 §5.2.1);
 *   <li>every mid named in {@code a=group:BUNDLE} exists (RFC 9143 §7.2);
 *   <li>ICE credentials and a sha-256 fingerprint on the BUNDLE-tagged section (the first mid of the
 *       group, else the first section) or at session level.
 * </ul>
 */
public record SessionDescription(
    List<Attribute> attributes, List<MediaSection> media, RemoteTransport transport) {

  public SessionDescription {
    attributes = List.copyOf(attributes);
    media = List.copyOf(media);
    Objects.requireNonNull(transport, "transport");
  }

  /**
   * Parses and checks an SDP; see the class comment for what is required.
   *
   * @throws SdpException {@code bad_sdp} or {@code no_fingerprint}; never any other exception
   */
  public static SessionDescription parse(String sdp) {
    SdpParser parsed = SdpParser.parse(sdp);
    checkMids(parsed.media);
    List<String> bundle = bundleMids(parsed.sessionAttributes);
    checkBundle(bundle, parsed.media);
    MediaSection tagged = parsed.media.get(0);
    if (!bundle.isEmpty()) {
      tagged = find(parsed.media, bundle.get(0));
    }
    RemoteTransport transport = transport(tagged, parsed.sessionAttributes);
    return new SessionDescription(parsed.sessionAttributes, parsed.media, transport);
  }

  /** The value of the first session-level attribute with this name. */
  public Optional<String> attribute(String name) {
    return first(attributes, name);
  }

  static Optional<String> first(List<Attribute> attributes, String name) {
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        return Optional.of(a.value());
      }
    }
    return Optional.empty();
  }

  /** The mids of the first {@code a=group:BUNDLE} (RFC 9143 §7.1), or an empty list. */
  public List<String> bundleMids() {
    return bundleMids(attributes);
  }

  private static List<String> bundleMids(List<Attribute> sessionAttributes) {
    for (Attribute a : sessionAttributes) {
      if (a.name().equals("group")) {
        String[] fields = SdpParser.fields(a.value());
        if (fields[0].equals("BUNDLE")) {
          return List.of(fields).subList(1, fields.length);
        }
      }
    }
    return List.of();
  }

  private static void checkMids(List<MediaSection> media) {
    Set<String> seen = new HashSet<>();
    for (MediaSection m : media) {
      List<String> mids = m.attributes("mid");
      if (mids.size() != 1) {
        throw SdpException.bad("every m= section needs exactly one a=mid");
      }
      String mid = mids.get(0);
      // The MID travels in a one-byte RTP header extension (RFC 8843 §15.2), hence 16 bytes.
      if (mid.isEmpty() || mid.length() > 16 || !SdpParser.isToken(mid)) {
        throw SdpException.bad("invalid a=mid");
      }
      if (!seen.add(mid)) {
        throw SdpException.bad("duplicate a=mid");
      }
    }
  }

  private static void checkBundle(List<String> bundle, List<MediaSection> media) {
    Set<String> seen = new HashSet<>();
    for (String mid : bundle) {
      if (find(media, mid) == null || !seen.add(mid)) {
        throw SdpException.bad("a=group:BUNDLE names an unknown or repeated mid");
      }
    }
  }

  private static MediaSection find(List<MediaSection> media, String mid) {
    for (MediaSection m : media) {
      if (m.mid().equals(mid)) {
        return m;
      }
    }
    return null;
  }

  private static RemoteTransport transport(MediaSection tagged, List<Attribute> session) {
    String ufrag = tagged.attribute("ice-ufrag").or(() -> first(session, "ice-ufrag")).orElse(null);
    String pwd = tagged.attribute("ice-pwd").or(() -> first(session, "ice-pwd")).orElse(null);
    if (ufrag == null || pwd == null) {
      throw SdpException.bad("missing a=ice-ufrag or a=ice-pwd");
    }
    if (!IceCredentials.isValidUfrag(ufrag) || !IceCredentials.isValidPwd(pwd)) {
      throw SdpException.bad("malformed a=ice-ufrag or a=ice-pwd");
    }
    List<String> fingerprints = new ArrayList<>(tagged.attributes("fingerprint"));
    for (Attribute a : session) {
      if (a.name().equals("fingerprint")) {
        fingerprints.add(a.value());
      }
    }
    String sha256 = Fingerprint.sha256(fingerprints);
    if (sha256 == null) {
      throw new SdpException(SdpException.NO_FINGERPRINT, "no a=fingerprint:sha-256");
    }
    String setup = tagged.attribute("setup").or(() -> first(session, "setup")).orElse("active");
    return new RemoteTransport(
        new IceCredentials(ufrag, pwd), sha256, setup.trim().toLowerCase(Locale.ROOT));
  }
}
