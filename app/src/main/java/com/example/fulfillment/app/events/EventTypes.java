package com.example.fulfillment.app.events;

import com.example.fulfillment.process.ProcessConstants.Messages;
import java.util.List;
import java.util.Map;

/** The CloudEvent types the ingress accepts and the BPMN message each becomes. */
public final class EventTypes {

  public static final String PAYMENT_CONFIRMED = "com.example.payment.confirmed";
  public static final String PAYMENT_DECLINED = "com.example.payment.declined";
  public static final String SHIPMENT_DELIVERED = "com.example.shipment.delivered";

  /** Every type the ingress accepts (webhook and inbound queue alike). */
  public static final List<String> ALL =
      List.of(PAYMENT_CONFIRMED, PAYMENT_DECLINED, SHIPMENT_DELIVERED);

  public static final Map<String, String> MESSAGE_OF =
      Map.of(
          PAYMENT_CONFIRMED, Messages.PAYMENT_CONFIRMED,
          PAYMENT_DECLINED, Messages.PAYMENT_DECLINED,
          SHIPMENT_DELIVERED, Messages.SHIPMENT_DELIVERED);

  private EventTypes() {}
}
