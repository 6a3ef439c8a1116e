package com.example.fulfillment.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies larger than {@code fulfillment.api.max-body-size} (64 KB) with 413,
 * whether announced by Content-Length or streamed (chunked): Tomcat's own limits apply to form
 * posts and multipart bodies, not to JSON. The body (at most the limit) is read here once and
 * replayed to the handler.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final int limit;
  private final ApiJson json;

  BodySizeLimitFilter(
      @Value("${fulfillment.api.max-body-size:64KB}") final DataSize limit, final ApiJson json) {
    this.limit = (int) Math.min(Integer.MAX_VALUE - 1, limit.toBytes());
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(final HttpServletRequest request) {
    final String method = request.getMethod();
    return !request.getRequestURI().startsWith("/api/")
        || !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))
        || isMultipart(request);
  }

  /**
   * Multipart bodies (model files for the deployment) have their own limits ({@code
   * spring.servlet.multipart.*}), checked while they are parsed; read here, they would be gone.
   */
  private static boolean isMultipart(final HttpServletRequest request) {
    final String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      final HttpServletRequest request, final HttpServletResponse response, final FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      tooLarge(response);
      return;
    }
    final byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      tooLarge(response);
      return;
    }
    // a signature check (webhook) reads the same bytes the handler gets
    request.setAttribute(CachedRequestBody.ATTRIBUTE, body);
    chain.doFilter(new CachedBody(request, body), response);
  }

  private void tooLarge(final HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    json.write(
        response,
        ProblemType.BODY_TOO_LARGE.problem("The request body may be at most " + limit + " bytes."));
  }

  /** The request with its body read already. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(final HttpServletRequest request, final byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      final InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return false;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(final ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      final String encoding = getCharacterEncoding();
      final Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
