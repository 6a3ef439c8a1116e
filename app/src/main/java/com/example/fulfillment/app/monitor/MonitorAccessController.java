package com.example.fulfillment.app.monitor;

import com.example.fulfillment.app.web.SecurityProperties;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether the monitor page may start without asking for a key: {@code GET /monitor/access}, open
 * like the page's files (the {@code /monitor/**} chain of {@link MonitorConfiguration}).
 *
 * <p>It answers the built-in full-access key ({@code local-dev-key}) only in the local default run:
 * {@code server.address} is a loopback address, <em>both</em> keys are the built-in defaults, and
 * the page was asked for through a loopback name ({@code localhost}, {@code 127.x.x.x}, {@code
 * [::1]}). That is exactly where {@code ExposedDefaultKeyCheck} lets the built-in keys through;
 * they are published with the code, so nothing secret leaves. Every other case answers null and the
 * page asks for the key as before: a key of your own is never sent. The full key, not the read-only
 * one, because the page's demo orders, Confirm payment and Retry write.
 *
 * <p>The built-in keys are not copied here: they are what {@link SecurityProperties} binds to from
 * no configuration at all (its {@code @DefaultValue}s), the way {@code ExposedDefaultKeyCheck}
 * binds them.
 */
@RestController
@Hidden // the page's own helper, not part of the API (/api/**)
class MonitorAccessController {

  /**
   * @param localDefaultKey the key the page may use without asking; null: ask
   */
  record Access(String localDefaultKey) {}

  private static final Pattern LOOPBACK_IPV4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  /** The keys with no configuration at all: the built-in defaults. */
  static final SecurityProperties BUILT_IN =
      new Binder().bindOrCreate("fulfillment.security", SecurityProperties.class);

  private final String localKey;

  MonitorAccessController(final SecurityProperties keys, final Environment environment) {
    this.localKey =
        localDefaultKey(
            Binder.get(environment).bind("server.address", InetAddress.class).orElse(null), keys);
  }

  @GetMapping(path = "/monitor/access", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Access> access(final HttpServletRequest request) {
    final String key = localKey != null && loopbackName(request.getServerName()) ? localKey : null;
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Access(key));
  }

  /**
   * @param serverAddress {@code server.address}; null when unset (all interfaces)
   * @return the built-in full-access key when the app listens on loopback only and both keys are
   *     the built-in ones; otherwise null
   */
  static String localDefaultKey(final InetAddress serverAddress, final SecurityProperties keys) {
    final boolean loopback = serverAddress != null && serverAddress.isLoopbackAddress();
    final boolean builtIn =
        BUILT_IN.apiKey().equals(keys.apiKey())
            && BUILT_IN.readOnlyApiKey().equals(keys.readOnlyApiKey());
    return loopback && builtIn ? BUILT_IN.apiKey() : null;
  }

  /** The Host the browser used names loopback (no DNS lookup: literals and localhost only). */
  static boolean loopbackName(final String host) {
    if (host == null) {
      return false;
    }
    final String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("[::1]")
        || h.equals("::1")
        || LOOPBACK_IPV4.matcher(h).matches();
  }
}
