package dev.odeon.sfu.ice;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The server side of ICE for one media session: an ICE-lite agent (RFC 8445 §2.5, §7.3 as the
 * controlled agent) that answers the browser's connectivity checks, follows its nomination, and tracks
 * consent freshness (RFC 7675) from the checks it keeps receiving. A lite agent never sends checks.
 *
 * <p>What it owns: the local and remote credentials, the addresses that sent authenticated checks,
 * the selected address, and the consent clock. Sans-IO and single-threaded: it belongs to the
 * event-loop thread owning the session; time arrives as {@code nowNanos} (any monotonic origin,
 * compared by subtraction so wrap-around is harmless).
 *
 * <p>Selection: the first address with a valid check becomes the selected address at once (so media
 * can flow before nomination); a check with USE-CANDIDATE nominates its address, which then becomes
 * the selected address, and a later nomination of another address switches to it.
 *
 * <p>Consent: each valid check refreshes its address. Consent has expired once the selected address
 * has gone {@code consentTimeout} (default 30 s) without a valid check, or, before any valid check,
 * once {@code consentTimeout} has passed since {@link #start}. The session owner should close the
 * session then.
 */
public final class IceLiteAgent {
  /** RFC 7675 §5.1: consent expires 30 s after the last authenticated check. */
  public static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofSeconds(30);
  /** Bounds the memory one session spends on addresses; only authenticated peers can add any. */
  static final int MAX_KNOWN_ADDRESSES = 16;

  /** The outcome of one binding request. */
  public sealed interface Result permits Result.Accepted, Result.Rejected {
    /**
     * A valid check: send {@code response} (a Binding success) back to the sender.
     * {@code nominated} when the check carried USE-CANDIDATE; {@code selectedChanged} when the
     * selected address is now the sender's and was something else (or nothing) before.
     */
    record Accepted(byte[] response, boolean nominated, boolean selectedChanged) implements Result {}

    /** A refused check; send {@code response} when it is not null, otherwise drop silently. */
    record Rejected(RejectReason reason, byte[] response) implements Result {}
  }

  /** Why a binding request was refused. */
  public enum RejectReason {
    /** Not a Binding request (or null input). No response. */
    MALFORMED,
    /** FINGERPRINT missing or wrong (browsers always send it). No response. */
    BAD_FINGERPRINT,
    /** USERNAME missing or not {@code localUfrag:remoteUfrag}. No response: not for this session. */
    BAD_USERNAME,
    /** Our USERNAME but MESSAGE-INTEGRITY missing or wrong. Response: 401 without integrity. */
    BAD_INTEGRITY,
    /** The peer claims the controlled role too (ICE-CONTROLLED). Response: 487 with integrity. */
    ROLE_CONFLICT
  }

  private final IceCredentials local;
  private final byte[] localKey;
  private final String usernamePrefix;
  private final long consentTimeoutNanos;
  private final Map<InetSocketAddress, Long> lastValidCheck = new HashMap<>();
  private IceCredentials remote;
  private boolean started;
  private long startNanos;
  private InetSocketAddress selected;
  private boolean nominated;

  public IceLiteAgent(IceCredentials local) {
    this(local, DEFAULT_CONSENT_TIMEOUT);
  }

  public IceLiteAgent(IceCredentials local, Duration consentTimeout) {
    if (local == null || consentTimeout == null || consentTimeout.isNegative()
        || consentTimeout.isZero()) {
      throw new IllegalArgumentException("local credentials and a positive timeout are required");
    }
    this.local = local;
    this.localKey = local.integrityKey();
    this.usernamePrefix = local.ufrag() + ":";
    this.consentTimeoutNanos = consentTimeout.toNanos();
  }

  /** Sets the browser's credentials (from its SDP); until then any remote ufrag is accepted. */
  public void setRemote(IceCredentials remote) {
    if (remote == null) {
      throw new IllegalArgumentException("remote credentials are required");
    }
    this.remote = remote;
  }

  /** Starts the consent clock for a peer that has not connected yet. */
  public void start(long nowNanos) {
    started = true;
    startNanos = nowNanos;
  }

  /** Checks one Binding request from {@code from} and says what to answer. Never throws on input. */
  public Result handleBindingRequest(long nowNanos, StunMessage req, InetSocketAddress from) {
    if (req == null || from == null || !req.isBindingRequest()) {
      return new Result.Rejected(RejectReason.MALFORMED, null);
    }
    if (!req.hasValidFingerprint()) {
      return new Result.Rejected(RejectReason.BAD_FINGERPRINT, null);
    }
    if (!isOurUsername(req.username())) {
      return new Result.Rejected(RejectReason.BAD_USERNAME, null);
    }
    byte[] txId = req.transactionId();
    if (!req.hasValidIntegrity(localKey)) {
      return new Result.Rejected(RejectReason.BAD_INTEGRITY,
          StunWriter.bindingError(txId, 401, "Unauthorized", null));
    }
    if (req.hasAttribute(StunAttribute.ICE_CONTROLLED)) {
      // A lite agent is always controlled (RFC 8445 §6.1.1), so a controlled peer is a conflict
      // it cannot resolve by switching roles.
      return new Result.Rejected(RejectReason.ROLE_CONFLICT,
          StunWriter.bindingError(txId, 487, "Role Conflict", localKey));
    }
    refresh(from, nowNanos);
    boolean useCandidate = req.hasUseCandidate();
    boolean changed = false;
    if (selected == null || (useCandidate && !from.equals(selected))) {
      selected = from;
      changed = true;
    }
    nominated |= useCandidate;
    return new Result.Accepted(StunWriter.bindingSuccess(txId, from, localKey), useCandidate,
        changed);
  }

  /** Where media goes: the nominated address, else the first validated one; null before any. */
  public InetSocketAddress selectedAddress() {
    return selected;
  }

  /** True once some check carried USE-CANDIDATE. */
  public boolean isNominated() {
    return nominated;
  }

  /** True when {@code address} has sent a valid check (media from it may be accepted). */
  public boolean isKnownAddress(InetSocketAddress address) {
    return address != null && lastValidCheck.containsKey(address);
  }

  /**
   * True once the selected address has gone the consent timeout without a valid check (elapsed
   * {@code >=} timeout), or, before any valid check, once the timeout has passed since
   * {@link #start}. False before start and before any check.
   */
  public boolean isConsentExpired(long nowNanos) {
    long deadline = pollTimeoutNanos();
    return deadline != Long.MAX_VALUE && nowNanos - deadline >= 0;
  }

  /**
   * The instant at which {@link #isConsentExpired} turns true unless a valid check arrives first;
   * {@link Long#MAX_VALUE} when there is nothing to time (not started, no check yet).
   */
  public long pollTimeoutNanos() {
    if (selected != null) {
      return lastValidCheck.get(selected) + consentTimeoutNanos;
    }
    return started ? startNanos + consentTimeoutNanos : Long.MAX_VALUE;
  }

  public IceCredentials local() {
    return local;
  }

  /** The remote credentials, or null before {@link #setRemote}. */
  public IceCredentials remote() {
    return remote;
  }

  private boolean isOurUsername(String username) {
    if (username == null || !username.startsWith(usernamePrefix)) {
      return false;
    }
    return remote == null || username.length() == usernamePrefix.length() + remote.ufrag().length()
        && username.endsWith(remote.ufrag());
  }

  private void refresh(InetSocketAddress from, long nowNanos) {
    if (!lastValidCheck.containsKey(from) && lastValidCheck.size() >= MAX_KNOWN_ADDRESSES) {
      evictStalest();
    }
    lastValidCheck.put(from, nowNanos);
  }

  /** Forgets the address (other than the selected one) whose last valid check is the oldest. */
  private void evictStalest() {
    InetSocketAddress stalest = null;
    long stalestAt = 0;
    for (Map.Entry<InetSocketAddress, Long> e : lastValidCheck.entrySet()) {
      if (!e.getKey().equals(selected) && (stalest == null || e.getValue() - stalestAt < 0)) {
        stalest = e.getKey();
        stalestAt = e.getValue();
      }
    }
    lastValidCheck.remove(stalest);
  }
}
