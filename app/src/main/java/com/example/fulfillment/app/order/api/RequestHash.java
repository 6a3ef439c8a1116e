package com.example.fulfillment.app.order.api;

import com.example.fulfillment.common.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * What "the same request" means for an Idempotency-Key: SHA-256 over the parsed request in a
 * canonical form (fields sorted, defaults filled in, text stripped), so formatting, field order and
 * an explicit {@code false} for an omitted flag do not count as differences.
 */
final class RequestHash {

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private RequestHash() {}

  static String of(final PlaceOrderRequest r) {
    final PlaceOrderRequest canonical =
        new PlaceOrderRequest(
            strip(r.orderId()),
            strip(r.customerId()),
            r.items().stream()
                .map(i -> new PlaceOrderRequest.Item(strip(i.sku()), i.quantity()))
                .toList(),
            strip(r.paymentToken()),
            new PlaceOrderRequest.Address(
                strip(r.shippingAddress().name()),
                strip(r.shippingAddress().street()),
                strip(r.shippingAddress().city()),
                strip(r.shippingAddress().postalCode()),
                strip(r.shippingAddress().country())),
            Boolean.TRUE.equals(r.express()),
            Boolean.TRUE.equals(r.giftWrap()),
            Boolean.TRUE.equals(r.insurance()));
    try {
      final byte[] json = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
      return Sha256.hex(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot hash the request", e);
    }
  }

  private static String strip(final String s) {
    return s == null ? null : s.strip();
  }
}
