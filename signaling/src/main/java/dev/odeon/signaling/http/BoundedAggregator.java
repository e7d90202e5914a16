package dev.odeon.signaling.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Aggregates requests up to a size limit and answers a larger body with a JSON 413, then closes
 * the connection (the rest of the body is not read). Netty event loop only.
 */
public final class BoundedAggregator extends HttpObjectAggregator {
  public BoundedAggregator(int maxContentLength) {
    super(maxContentLength);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    HttpResponses.error(
        ctx, false, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", "request body over 64 KiB");
  }
}
