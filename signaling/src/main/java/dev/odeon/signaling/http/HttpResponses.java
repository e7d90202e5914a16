package dev.odeon.signaling.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes complete HTTP responses; every error body is {@code {"error":{"code","message"}}}. */
public final class HttpResponses {
  public static final String JSON = "application/json; charset=utf-8";

  private HttpResponses() {}

  public static void json(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, JsonNode body) {
    send(ctx, keepAlive, status, JSON, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  public static void error(
      ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String code, String message) {
    json(ctx, keepAlive, status, Json.error(code, message));
  }

  /** Sends {@code body}; closes the connection after it unless {@code keepAlive}. */
  public static void send(
      ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().set("x-content-type-options", "nosniff");
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    HttpUtil.setContentLength(response, body.length);
    HttpUtil.setKeepAlive(response, keepAlive);
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
