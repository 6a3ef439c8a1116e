package com.example.fulfillment.app.events.rabbit;

import io.cloudevents.SpecVersion;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.message.impl.BaseGenericBinaryMessageReaderImpl;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Binary mode on an AMQP 0-9-1 message, read with the SDK's generic binary reader (the SDK has no
 * binding for Spring AMQP): every header with the message's prefix ({@code cloudEvents:} as in the
 * CloudEvents AMQP binding, or {@code cloudEvents_}, {@code ce-}, {@code ce_}) is an attribute or
 * extension, the AMQP content type is {@code datacontenttype} and the body is the data.
 */
final class AmqpBinaryMessageReader extends BaseGenericBinaryMessageReaderImpl<String, Object> {

  private final String prefix;
  private final Map<String, Object> headers;
  private final String contentType;

  /**
   * @param contentType the message's content type, the event's {@code datacontenttype}
   * @throws io.cloudevents.rw.CloudEventRWException if the spec version is not one the SDK knows
   */
  AmqpBinaryMessageReader(
      final String prefix,
      final Map<String, Object> headers,
      final String contentType,
      final byte[] body) {
    super(
        SpecVersion.parse(String.valueOf(headers.get(prefix + "specversion"))),
        body == null || body.length == 0 ? null : BytesCloudEventData.wrap(body));
    this.prefix = prefix;
    this.headers = headers;
    this.contentType = contentType;
  }

  @Override
  protected boolean isContentTypeHeader(final String key) {
    // the content type is a message property, not a header: handed in first, see forEachHeader
    return key == null;
  }

  @Override
  protected boolean isCloudEventsHeader(final String key) {
    return key.length() > prefix.length() && key.startsWith(prefix);
  }

  @Override
  protected String toCloudEventsKey(final String key) {
    return key.substring(prefix.length()).toLowerCase(Locale.ROOT);
  }

  @Override
  protected void forEachHeader(final BiConsumer<String, Object> fn) {
    if (contentType != null) {
      fn.accept(null, contentType);
    }
    headers.forEach(fn);
  }

  @Override
  protected String toCloudEventsValue(final Object value) {
    return value.toString();
  }
}
