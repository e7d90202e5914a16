package dev.odeon.signaling.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes a connection when the {@link io.netty.handler.timeout.IdleStateHandler} before it reports
 * that nothing was read for the idle timeout (HTTP keep-alive and WebSocket alike: a WebSocket
 * client keeps itself alive with pings or commands). Shared; event loop only.
 */
@ChannelHandler.Sharable
public final class IdleCloser extends ChannelInboundHandlerAdapter {
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }
}
