package dev.odeon.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.signaling.auth.TokenClaims;
import dev.odeon.signaling.metrics.OdeonMetrics;
import dev.odeon.signaling.room.Member;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signaling WebSocket: reassembles text messages (at most 256 KiB), parses command envelopes,
 * hands commands to {@link WsSession}, and writes responses and events. Frames that are too large,
 * not JSON, not objects, binary, or name an unknown command are answered with {@code bad_request}
 * and the connection stays open. Netty event loop of its channel; {@link #sendEvent} and {@link
 * #send} may be called from any thread.
 */
public final class WsConnection extends SimpleChannelInboundHandler<WebSocketFrame>
    implements StreamHub.Peer, Member {
  public static final int MAX_MESSAGE_BYTES = 256 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);

  private final TokenClaims claims;
  private final WsSession.Deps deps;
  private final OdeonMetrics metrics;
  private WsSession session;
  private Channel channel;
  private boolean opened;

  // Message reassembly across continuation frames (event loop only).
  private ByteArrayOutputStream partial;
  private boolean partialIsText;
  private boolean partialTooLarge;

  public WsConnection(TokenClaims claims, WsSession.Deps deps) {
    this.claims = claims;
    this.deps = deps;
    this.metrics = deps.metrics();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    session = new WsSession(claims, deps, this, channel.eventLoop());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      opened = true;
      metrics.wsConnectionOpened();
      String refusal = deps.stages().join(this);
      if (refusal != null) {
        sendEvent("kicked", dev.odeon.signaling.http.Json.object().put("reason", refusal));
        disconnect(dev.odeon.signaling.room.StageDirector.CLOSE_KICKED, refusal);
      }
      LOG.debug("ws open: identity={} stream={} role={}", claims.identity(), claims.stream(), claims.role());
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (opened) {
      metrics.wsConnectionClosed();
    }
    session.closeAll();
    if (opened) {
      deps.stages().leave(System.nanoTime(), this);
    }
    super.channelInactive(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof ContinuationWebSocketFrame) {
      if (partial == null) {
        reject(null, "continuation frame without a first fragment");
        return;
      }
    } else {
      partial = new ByteArrayOutputStream();
      partialIsText = frame instanceof TextWebSocketFrame;
      partialTooLarge = false;
    }
    append(frame.content());
    if (!frame.isFinalFragment()) {
      return;
    }
    byte[] message = partialTooLarge ? null : partial.toByteArray();
    boolean text = partialIsText;
    partial = null;
    if (message == null) {
      reject(null, "message larger than 256 KiB");
    } else if (!text) {
      reject(null, "binary frames are not part of the protocol");
    } else {
      handleMessage(new String(message, StandardCharsets.UTF_8));
    }
  }

  private void append(ByteBuf content) {
    int size = partial.size() + content.readableBytes();
    if (partialTooLarge || size > MAX_MESSAGE_BYTES) {
      // Drop what came so far and ignore the rest of this message; answer once it ends.
      partialTooLarge = true;
      partial.reset();
      return;
    }
    byte[] bytes = new byte[content.readableBytes()];
    content.getBytes(content.readerIndex(), bytes);
    partial.writeBytes(bytes);
  }

  private void handleMessage(String text) {
    CommandFrame frame = CommandFrame.parse(text);
    if (!frame.isValid()) {
      reject(frame.id(), frame.error());
      return;
    }
    if (!session.handle(frame)) {
      reject(frame.id(), "unknown command: " + abbreviate(frame.name()));
    }
  }

  private void reject(JsonNode id, String message) {
    metrics.frameRejected();
    send(WsMessages.error(id, "bad_request", message));
  }

  /** Writes one text message; closes the connection when the peer stopped reading. */
  void send(String json) {
    if (!channel.isActive()) {
      return;
    }
    if (!channel.isWritable()) {
      // A client that does not read its socket would grow our buffers without bound.
      LOG.info("ws {}: closing slow consumer", claims.identity());
      channel
          .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "slow consumer"))
          .addListener(f -> channel.close());
      return;
    }
    channel.writeAndFlush(new TextWebSocketFrame(json));
  }

  /**
   * For the relay's bounded queue: writes one text message if the socket can take it now; false
   * when it is past its high-water mark (the relay keeps the message queued). Any thread.
   */
  boolean offerRaw(String json) {
    if (!channel.isActive()) {
      return true;
    }
    if (!channel.isWritable()) {
      return false;
    }
    channel.writeAndFlush(new TextWebSocketFrame(json));
    return true;
  }

  /** Closes the socket with policy-violation status and {@code reason}. Any thread. */
  void closeWithReason(String reason) {
    String text = reason.length() > 120 ? reason.substring(0, 120) : reason;
    channel
        .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, text))
        .addListener(f -> channel.close());
  }

  @Override
  public void sendEvent(String name, ObjectNode data) {
    send(WsMessages.event(name, data));
  }

  @Override
  public TokenClaims claims() {
    return claims;
  }

  @Override
  public void disconnect(int code, String reason) {
    // Always through the event loop, after any event queued before it, never inline in a caller's lock.
    channel.eventLoop().execute(() -> {
      if (channel.isActive()) {
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> channel.close());
      }
    });
  }

  @Override
  public void revokePublish() {
    channel.eventLoop().execute(session::revokePublish);
  }

  @Override
  public void sessionClosed(SessionId id, String reason) {
    session.engineClosed(id, reason);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("ws {} failed; closing", claims.identity(), cause);
    ctx.close();
  }

  static String abbreviate(String name) {
    return name.length() <= 64 ? name : name.substring(0, 64) + "...";
  }
}
