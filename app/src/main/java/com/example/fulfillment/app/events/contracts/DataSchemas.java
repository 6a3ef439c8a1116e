package com.example.fulfillment.app.events.contracts;

import com.example.fulfillment.app.events.EventProperties;
import com.example.fulfillment.contracts.EventSchemas;
import java.net.URI;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code dataschema} of the events this app publishes: {@code
 * <base>/schemas/events/<type>/<version>}, where {@link ContractController} serves the schema. The
 * base is {@code fulfillment.events.dataschema-base} when set (the URL consumers reach the app at,
 * e.g. behind a proxy); else the app's own base URL: {@code http(s)://<server.address or
 * localhost>:<the port it listens on><context path>}.
 */
@Component
public class DataSchemas implements ApplicationListener<WebServerInitializedEvent> {

  private static final String WILDCARD_V4 = "0.0.0.0";

  private final URI configured;
  private final Environment environment;

  /** The base once the web server listens (null before: then built from server.port). */
  private volatile URI listening;

  DataSchemas(final EventProperties properties, final Environment environment) {
    final String base = properties.dataschemaBase();
    this.configured = base == null || base.isBlank() ? null : URI.create(base.strip());
    this.environment = environment;
  }

  /** The {@code dataschema} URI of {@code type} in {@code version}. */
  public URI dataSchema(final String type, final int version) {
    return EventSchemas.dataSchema(base(), type, version);
  }

  /** The base URL the {@code dataschema} URIs start with. */
  public URI base() {
    if (configured != null) {
      return configured;
    }
    final URI known = listening;
    return known != null
        ? known
        : ownBase(environment.getProperty("server.port", Integer.class, 8080));
  }

  /** The app's own base URL at {@code port}, from the server settings. */
  private URI ownBase(final int port) {
    final boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false);
    final String address = environment.getProperty("server.address", "");
    final String host =
        address.isBlank() || WILDCARD_V4.equals(address) || address.startsWith("::")
            ? "localhost"
            : address.contains(":") ? "[" + address + "]" : address;
    final String contextPath = environment.getProperty("server.servlet.context-path", "");
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + port + contextPath);
  }

  @Override
  public void onApplicationEvent(final WebServerInitializedEvent event) {
    // the main server only: a separate management port has a namespace of its own
    if (event.getApplicationContext().getServerNamespace() == null) {
      // built once: the relay asks for it with every event
      listening = ownBase(event.getWebServer().getPort());
    }
  }
}
