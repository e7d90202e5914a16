package dev.odeon.signaling.http;

import dev.odeon.signaling.metrics.OdeonMetrics;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes aggregated HTTP requests: {@code /healthz}, {@code /metrics}, {@code /api/dev/token},
 * {@code /ws} (handed to the {@link WebSocketUpgrader}) and the web client's static files. Every
 * error is JSON, never a stack trace. Stateless and shared by all channels; runs on their event
 * loops.
 */
@ChannelHandler.Sharable
public final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRouter.class);

  private final StaticFiles files;
  private final DevTokenEndpoint devTokens;
  private final OdeonMetrics metrics;
  private final BooleanSupplier ready;
  private final WebSocketUpgrader webSocket;
  private final Clock clock;
  private final ApiV1 api;

  public HttpRouter(
      StaticFiles files,
      DevTokenEndpoint devTokens,
      OdeonMetrics metrics,
      BooleanSupplier ready,
      WebSocketUpgrader webSocket,
      Clock clock,
      ApiV1 api) {
    this.api = api;
    this.files = files;
    this.devTokens = devTokens;
    this.metrics = metrics;
    this.ready = ready;
    this.webSocket = webSocket;
    this.clock = clock;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!request.decoderResult().isSuccess()) {
      HttpResponses.error(ctx, false, HttpResponseStatus.BAD_REQUEST, "bad_request", "malformed HTTP request");
      return;
    }
    String uri = request.uri();
    int query = uri.indexOf('?');
    String rawPath = query < 0 ? uri : uri.substring(0, query);
    QueryStringDecoder decoder;
    String path;
    try {
      decoder = new QueryStringDecoder(uri);
      path = decoder.path();
      decoder.parameters(); // decoded lazily: force it here so a bad escape is a 400, not a throw

    } catch (IllegalArgumentException e) {
      HttpResponses.error(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "bad_request", "malformed URI");
      return;
    }
    boolean get = HttpMethod.GET.equals(request.method());
    if (path.startsWith("/api/v1/")) {
      api(ctx, request, path, keepAlive);
      return;
    }
    switch (path) {
      case "/healthz" -> {
        if (methodAllowed(ctx, keepAlive, get)) {
          health(ctx, keepAlive);
        }
      }
      case "/metrics" -> {
        if (methodAllowed(ctx, keepAlive, get)) {
          HttpResponses.send(ctx, keepAlive, HttpResponseStatus.OK, metrics.contentType(), metrics.scrape());
        }
      }
      case "/api/dev/token" -> {
        if (methodAllowed(ctx, keepAlive, get)) {
          DevTokenEndpoint.Reply reply =
              devTokens.handle(
                  peer(ctx), request.headers().get(HttpHeaderNames.HOST), decoder.parameters(), clock.instant());
          HttpResponses.json(ctx, keepAlive, reply.status(), reply.body());
        }
      }
      case "/ws" -> {
        if (methodAllowed(ctx, keepAlive, get)) {
          webSocket.upgrade(ctx, request);
        }
      }
      default -> staticFile(ctx, keepAlive, get, rawPath, path);
    }
  }

  private void api(ChannelHandlerContext ctx, FullHttpRequest request, String path, boolean keepAlive) {
    byte[] body = new byte[request.content().readableBytes()];
    request.content().getBytes(request.content().readerIndex(), body);
    String fallback = ctx.channel().localAddress() instanceof InetSocketAddress local
        ? local.getAddress().getHostAddress() + ":" + local.getPort()
        : "127.0.0.1";
    ApiV1.Request r = new ApiV1.Request(request.method(), path, request.headers().get(HttpHeaderNames.AUTHORIZATION),
        request.headers().get(HttpHeaderNames.HOST), body);
    DevTokenEndpoint.Reply reply = api.handle(r, fallback, clock.instant());
    HttpResponses.json(ctx, keepAlive, reply.status(), reply.body());
  }

  private void health(ChannelHandlerContext ctx, boolean keepAlive) {
    boolean up = ready.getAsBoolean();
    HttpResponses.json(
        ctx,
        keepAlive,
        up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
        Json.object().put("status", up ? "ok" : "starting"));
  }

  private void staticFile(ChannelHandlerContext ctx, boolean keepAlive, boolean get, String rawPath, String path) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("..") || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
        || lower.contains("\\")) {
      HttpResponses.error(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "bad_path", "path not allowed");
      return;
    }
    StaticFiles.Resource resource = files.find(path);
    if (resource == null) {
      HttpResponses.error(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, "not_found", "no such resource");
    } else if (methodAllowed(ctx, keepAlive, get)) {
      HttpResponses.send(ctx, keepAlive, HttpResponseStatus.OK, resource.contentType(), resource.body());
    }
  }

  private static boolean methodAllowed(ChannelHandlerContext ctx, boolean keepAlive, boolean get) {
    if (!get) {
      HttpResponses.error(
          ctx, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "only GET is allowed here");
    }
    return get;
  }

  private static InetAddress peer(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress address ? address.getAddress() : null;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("HTTP channel {} failed; closing", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
