package com.example.fulfillment.app.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event ingress and of the domain events ({@code fulfillment.events.*}).
 *
 * @param messageTtl how long the engine keeps an event's message for an instance that is not
 *     waiting for it yet (and refuses a duplicate with the same id)
 * @param retention how long accepted event ids are remembered for deduplication (and for
 *     re-publishing after an embedded-engine restart)
 * @param cleanupInterval how often messages older than the retention are deleted
 * @param transport where domain events go and partner events come from: {@code log} (default: no
 *     broker; the relay logs each event and marks it published) or {@code rabbitmq}
 * @param source the CloudEvents {@code source} of the events this app publishes
 * @param dataschemaBase the base URL of the {@code dataschema} of published events ({@code
 *     <base>/schemas/events/<type>/<version>}, served by this app): the URL consumers reach the app
 *     at; blank (default) = the app's own ({@code DataSchemas})
 */
@ConfigurationProperties("fulfillment.events")
public record EventProperties(
    @DefaultValue("PT1H") Duration messageTtl,
    @DefaultValue("P7D") Duration retention,
    @DefaultValue("PT1H") Duration cleanupInterval,
    @DefaultValue("log") Transport transport,
    @DefaultValue(DEFAULT_SOURCE) String source,
    @DefaultValue("") String dataschemaBase) {

  public static final String DEFAULT_SOURCE = "urn:fulfillment:order-service";

  /** Property that switches the transport; see {@link Transport}. */
  public static final String TRANSPORT_PROPERTY = "fulfillment.events.transport";

  /** Where the events go. */
  public enum Transport {
    /** No broker: events are logged and marked published; no inbound queue. */
    LOG,
    /** RabbitMQ (spring.rabbitmq.*): a topic exchange out, a queue in, a dead-letter queue. */
    RABBITMQ
  }
}
