package dev.odeon.signaling.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates requests up to a size limit and answers a larger body with a JSON 413. On a keep-alive
 * connection the rest of the body is read and discarded (the aggregator does that) and the
 * connection stays usable: closing with unread bytes would make the kernel reset the connection,
 * and the client might never see the 413. Netty event loop only.
 */
public final class BoundedAggregator extends HttpObjectAggregator {
  public BoundedAggregator(int maxContentLength) {
    super(maxContentLength);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
    HttpResponses.error(
        ctx, keepAlive, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", "request body over 64 KiB");
  }
}
