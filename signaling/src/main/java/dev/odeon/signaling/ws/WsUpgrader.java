package dev.odeon.signaling.ws;

import dev.odeon.sfu.api.MediaService;
import dev.odeon.signaling.auth.TokenClaims;
import dev.odeon.signaling.auth.TokenException;
import dev.odeon.signaling.auth.TokenService;
import dev.odeon.signaling.http.HttpResponses;
import dev.odeon.signaling.http.WebSocketUpgrader;
import dev.odeon.signaling.metrics.OdeonMetrics;
import dev.odeon.signaling.room.StageDirector;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /ws?token=...}: verifies the token before the upgrade (RFC 6455 section 4.2) and
 * answers 401 with the token error's code when it fails; otherwise installs Netty's WebSocket
 * protocol handler (handshake, ping/pong, close) and a {@link WsConnection} bound to the token's
 * claims. Shared; runs on the requesting channel's event loop.
 */
public final class WsUpgrader implements WebSocketUpgrader {
  /** A single frame past this closes the connection (1009); messages past 256 KiB get bad_request. */
  public static final int MAX_FRAME_BYTES = 1024 * 1024;

  private final TokenService tokens;
  private final WsSession.Deps deps;
  private final Clock clock;
  private final WebSocketServerProtocolConfig config =
      WebSocketServerProtocolConfig.newBuilder()
          .websocketPath("/ws")
          .checkStartsWith(true)
          .maxFramePayloadLength(MAX_FRAME_BYTES)
          .handleCloseFrames(true)
          .dropPongFrames(true)
          .handshakeTimeoutMillis(10_000)
          .build();

  public WsUpgrader(TokenService tokens, MediaService media, StreamHub hub, OdeonMetrics metrics, Clock clock,
      StageDirector stages) {
    this(tokens, media, hub, metrics, clock, stages, null);
  }

  /** With interactive sessions ({@code interactive} may be null to leave them off). */
  public WsUpgrader(TokenService tokens, MediaService media, StreamHub hub, OdeonMetrics metrics, Clock clock,
      StageDirector stages, dev.odeon.signaling.interactive.Interactive interactive) {
    this.tokens = tokens;
    this.deps = new WsSession.Deps(media, hub, metrics, stages, interactive);
    this.clock = clock;
  }

  @Override
  public void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
    List<String> values = new QueryStringDecoder(request.uri()).parameters().get("token");
    String token = values == null || values.size() != 1 ? null : values.get(0);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    TokenClaims claims;
    try {
      claims = tokens.verify(token, clock.instant());
    } catch (TokenException e) {
      HttpResponses.error(ctx, keepAlive, HttpResponseStatus.UNAUTHORIZED, e.code(), e.getMessage());
      return;
    }
    if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      HttpResponses.error(
          ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "bad_request", "not a WebSocket upgrade request");
      return;
    }
    ctx.pipeline().addLast(new WebSocketServerProtocolHandler(config), new WsConnection(claims, deps));
    ctx.fireChannelRead(request.retain());
  }
}
