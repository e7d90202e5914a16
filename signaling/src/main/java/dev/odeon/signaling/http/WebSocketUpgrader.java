package dev.odeon.signaling.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Takes over a {@code GET /ws} request: authenticates it and either answers with an HTTP error or
 * upgrades the channel. Called on the channel's event loop; must not release {@code request}
 * (the caller does) — retain it to pass it on.
 */
@FunctionalInterface
public interface WebSocketUpgrader {
  void upgrade(ChannelHandlerContext ctx, FullHttpRequest request);
}
