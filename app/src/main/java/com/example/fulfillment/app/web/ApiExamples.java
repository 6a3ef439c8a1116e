package com.example.fulfillment.app.web;

/** Example documents for the OpenAPI description (Swagger UI shows them). */
public final class ApiExamples {

  private ApiExamples() {}

  public static final String PLACE_ORDER =
      """
      {"customerId": "c-1",
       "items": [{"sku": "SKU-1", "quantity": 2}, {"sku": "SKU-2", "quantity": 1}],
       "paymentToken": "tok_ok",
       "shippingAddress": {"name": "Erika Mustermann", "street": "Heidestraße 17",
         "city": "Köln", "postalCode": "51147", "country": "DE"},
       "express": false, "giftWrap": true, "insurance": false}
      """;

  public static final String ORDER_ACCEPTED =
      """
      {"orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f", "status": "VALIDATED",
       "processInstanceKey": 2251799813685291}
      """;

  public static final String ORDER_DETAILS =
      """
      {"orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f", "customerId": "c-1",
       "status": "SHIPPED", "outcome": null, "rejectionReason": null, "rejectionDetail": null,
       "processInstanceKey": 2251799813685291,
       "lines": [{"lineNo": 1, "sku": "SKU-1", "quantity": 2,
                  "unitPrice": {"amount": 14.90, "currency": "EUR"},
                  "lineTotal": {"amount": 29.80, "currency": "EUR"}}],
       "total": {"amount": 29.80, "currency": "EUR"},
       "shippingAddress": {"name": "Erika Mustermann", "street": "Heidestraße 17", "city": "Köln",
                           "postalCode": "51147", "country": "DE"},
       "express": false, "giftWrap": false, "insurance": false,
       "payment": {"status": "CHARGED", "chargeId": "ch_81f0", "amount": {"amount": 29.80, "currency": "EUR"},
                   "charged": {"amount": 29.80, "currency": "EUR"},
                   "refunded": {"amount": 0.00, "currency": "EUR"},
                   "isCharged": true, "isRefunded": false, "declineReason": null},
       "shipment": {"shipmentId": "shp_5d2e", "trackingNumber": "TRK123456789", "status": "SCHEDULED",
                    "shippingMethod": "STANDARD", "carrier": "DHL",
                    "estimatedDelivery": "2026-01-05T10:00:00Z", "deliveredAt": null},
       "process": {"basis": "ENGINE_RECORDS",
                   "currentSteps": [
                     {"bpmnProcessId": "order-fulfillment", "processInstanceKey": 2251799813685291,
                      "elementId": "DeliverShipment", "elementName": "Deliver shipment",
                      "elementType": "CALL_ACTIVITY", "since": "2026-01-02T10:00:03.120Z"},
                     {"bpmnProcessId": "shipping", "processInstanceKey": 2251799813685377,
                      "elementId": "AwaitDelivery", "elementName": "Shipment delivered",
                      "elementType": "INTERMEDIATE_CATCH_EVENT", "since": "2026-01-02T10:00:03.410Z"}],
                   "openIncidents": []},
       "createdAt": "2026-01-02T10:00:00.000Z", "updatedAt": "2026-01-02T10:00:03.400Z",
       "finishedAt": null}
      """;

  public static final String ORDER_LIST =
      """
      {"items": [{"orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f", "customerId": "c-1",
                  "status": "COMPLETED", "total": {"amount": 29.80, "currency": "EUR"},
                  "processInstanceKey": 2251799813685291,
                  "createdAt": "2026-01-02T10:00:00.000Z", "updatedAt": "2026-01-02T10:00:07.000Z"}],
       "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}
      """;

  public static final String TIMELINE =
      """
      {"orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f",
       "events": [
        {"at": "2026-01-02T10:00:00.000Z", "source": "API", "kind": "ORDER_PLACED",
         "compensationHandler": false, "detail": "1 line(s), total 29.80 EUR"},
        {"at": "2026-01-02T10:00:00.050Z", "source": "ENGINE", "kind": "MESSAGE_CORRELATED",
         "bpmnProcessId": "order-fulfillment", "processInstanceKey": 2251799813685291,
         "elementId": "OrderReceived", "elementName": "Order received",
         "compensationHandler": false, "messageName": "OrderReceived"},
        {"at": "2026-01-02T10:00:00.060Z", "source": "ENGINE", "kind": "ELEMENT_ENTERED",
         "bpmnProcessId": "order-fulfillment", "processInstanceKey": 2251799813685291,
         "elementId": "ValidateOrder", "elementName": "Validate order", "elementType": "SERVICE_TASK",
         "compensationHandler": false},
        {"at": "2026-01-02T10:00:00.110Z", "source": "ENGINE", "kind": "ELEMENT_COMPLETED",
         "bpmnProcessId": "order-fulfillment", "processInstanceKey": 2251799813685291,
         "elementId": "ValidateOrder", "elementName": "Validate order", "elementType": "SERVICE_TASK",
         "compensationHandler": false},
        {"at": "2026-01-02T10:00:00.300Z", "source": "ENGINE", "kind": "JOB_FAILED",
         "bpmnProcessId": "order-fulfillment", "processInstanceKey": 2251799813685291,
         "elementId": "ChargePayment", "elementName": "Charge payment", "compensationHandler": false,
         "jobKey": 2251799813685350, "jobType": "charge-payment", "retries": 2,
         "detail": "charge-payment failed: provider unavailable (retry in PT1S, 2 retries left)"}]}
      """;

  public static final String CANCELLATION_ACCEPTED =
      """
      {"orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f", "status": "PAID",
       "cancellationRequested": true}
      """;

  public static final String CLOUD_EVENT_PAYMENT_CONFIRMED =
      """
      {"specversion": "1.0", "id": "evt-7f3a", "source": "urn:psp:sandbox",
       "type": "com.example.payment.confirmed",
       "subject": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f",
       "time": "2026-01-02T10:01:00Z", "datacontenttype": "application/json",
       "data": {"authorization": "3ds-ok"}}
      """;

  public static final String CLOUD_EVENT_PAYMENT_DECLINED =
      """
      {"specversion": "1.0", "id": "evt-7f3b", "source": "urn:psp:sandbox",
       "type": "com.example.payment.declined",
       "subject": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f",
       "data": {"reason": "3-D Secure check failed"}}
      """;

  public static final String CLOUD_EVENT_DELIVERED =
      """
      {"specversion": "1.0", "id": "evt-7f3c", "source": "urn:carrier:dhl",
       "type": "com.example.shipment.delivered",
       "data": {"orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f",
                "deliveredAt": "2026-01-03T14:12:00Z"}}
      """;

  public static final String EVENT_ACCEPTED =
      """
      {"eventId": "evt-7f3a", "orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f",
       "messageName": "PaymentConfirmed", "result": "ACCEPTED"}
      """;

  public static final String PROBLEM_INVALID =
      """
      {"type": "https://fulfillment.example.com/problems/invalid-request", "title": "Invalid request",
       "status": 400, "detail": "The request body has invalid fields.",
       "correlationId": "5b1f0c2e-…",
       "errors": [{"field": "items[0].quantity", "message": "must be less than or equal to 1000"}]}
      """;

  public static final String PROBLEM_NOT_FOUND =
      """
      {"type": "https://fulfillment.example.com/problems/order-not-found", "title": "Order not found",
       "status": 404, "detail": "no order with id ord_x", "correlationId": "5b1f0c2e-…"}
      """;

  public static final String PROBLEM_UNPROCESSABLE =
      """
      {"type": "https://fulfillment.example.com/problems/idempotency-key-reused",
       "title": "Idempotency-Key reused", "status": 422,
       "detail": "Idempotency-Key 'k-1' was used before for a different request",
       "correlationId": "5b1f0c2e-…"}
      """;

  public static final String PROBLEM_CONFLICT =
      """
      {"type": "https://fulfillment.example.com/problems/order-not-cancellable",
       "title": "Order cannot be cancelled", "status": 409,
       "detail": "order ord_x is COMPLETED and can no longer be cancelled", "orderStatus": "COMPLETED",
       "correlationId": "5b1f0c2e-…"}
      """;

  public static final String PROBLEM_UNAUTHORIZED =
      """
      {"type": "https://fulfillment.example.com/problems/unauthorized", "title": "Unauthorized",
       "status": 401, "detail": "Send the API key in X-API-Key (or use HTTP basic).",
       "correlationId": "5b1f0c2e-…"}
      """;

  public static final String PROBLEM_UNAVAILABLE =
      """
      {"type": "https://fulfillment.example.com/problems/engine-unavailable",
       "title": "Process engine unavailable", "status": 503,
       "detail": "The order is recorded (RECEIVED) but its process could not be started; repeat the request with the same Idempotency-Key.",
       "orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f", "correlationId": "5b1f0c2e-…"}
      """;

  public static final String DEAD_LETTER_LIST =
      """
      {"transport": "rabbitmq", "queue": "fulfillment.inbound.dlq", "deadLetters": [
        {"id": "3f1c2b9e-8d7a-4c55-9a39-0d4b8f6e2a71", "eventId": "evt-0001",
         "eventType": "com.example.payment.confirmed",
         "subject": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f", "category": "retries-exhausted",
         "reason": "EngineUnavailableException: publishing PaymentConfirmed failed: UNAVAILABLE",
         "attempts": 8, "deadLetteredAt": "2026-11-23T10:15:00Z",
         "originalRoutingKey": "com.example.payment.confirmed", "redriveCount": 0,
         "contentType": "application/cloudevents+json",
         "body": "{\\"specversion\\": \\"1.0\\", \\"id\\": \\"evt-0001\\", …}"},
        {"id": "b7e0c1d2-5a4f-4e3b-8c9d-1f2e3a4b5c6d", "eventId": null, "eventType": null,
         "subject": null, "category": "invalid-event",
         "reason": "(body): is not valid JSON", "attempts": 1,
         "deadLetteredAt": "2026-11-23T10:16:00Z", "originalRoutingKey": "com.example.payment.confirmed",
         "redriveCount": 0, "contentType": "application/cloudevents+json", "body": "{not json"}]}
      """;

  public static final String REDRIVEN =
      """
      {"redriven": 1, "queue": "fulfillment.inbound"}
      """;

  public static final String PROBLEM_DEAD_LETTER_NOT_FOUND =
      """
      {"type": "https://fulfillment.example.com/problems/dead-letter-not-found",
       "title": "Dead letter not found", "status": 404,
       "detail": "no dead letter with id 3f1c2b9e-8d7a-4c55-9a39-0d4b8f6e2a71",
       "correlationId": "5b1f0c2e-…"}
      """;

  public static final String PROBLEM_FORBIDDEN =
      """
      {"type": "https://fulfillment.example.com/problems/forbidden", "title": "Forbidden",
       "status": 403, "detail": "These credentials may not do this (read-only key?).",
       "correlationId": "5b1f0c2e-…"}
      """;

  public static final String PROBLEM_BROKER_UNAVAILABLE =
      """
      {"type": "https://fulfillment.example.com/problems/event-broker-unavailable",
       "title": "Event broker unavailable", "status": 503,
       "detail": "The message broker cannot be reached; retry later.", "correlationId": "5b1f0c2e-…"}
      """;
}
