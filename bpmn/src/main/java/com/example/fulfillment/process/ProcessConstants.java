package com.example.fulfillment.process;

/**
 * The contract between the BPMN/DMN models (bpmn/ module) and the code: every process id, decision
 * id, job type, message, error code and signal the models use, in one place. {@code
 * ProcessConstantsTest} parses the models and fails when the two disagree. The flow itself is
 * described in docs/process-design.md.
 */
public final class ProcessConstants {

  private ProcessConstants() {}

  /** Process ids ({@code bpmn:process/@id}). */
  public static final class Processes {
    public static final String ORDER_FULFILLMENT = "order-fulfillment";
    public static final String SHIPPING = "shipping";
    public static final String LOYALTY_POINTS = "loyalty-points";
    public static final String ORDER_ANALYTICS = "order-analytics";

    private Processes() {}
  }

  /** Decision ids ({@code dmn:decision/@id}) called by business rule tasks. */
  public static final class Decisions {
    public static final String FRAUD_RISK = "fraud-risk";
    public static final String SHIPPING_METHOD = "shipping-method";

    private Decisions() {}
  }

  /** Job types ({@code zeebe:taskDefinition/@type}), one worker each. */
  public static final class JobTypes {
    public static final String VALIDATE_ORDER = "validate-order";

    /** Since version 2 of order-fulfillment. */
    public static final String REVIEW_FRAUD = "review-fraud";

    public static final String RESERVE_STOCK = "reserve-stock";
    public static final String RELEASE_STOCK = "release-stock";
    public static final String CHARGE_PAYMENT = "charge-payment";
    public static final String REFUND_PAYMENT = "refund-payment";
    public static final String CAPTURE_PAYMENT = "capture-payment";
    public static final String PICK_AND_PACK = "pick-and-pack";
    public static final String GENERATE_INVOICE = "generate-invoice";
    public static final String GIFT_WRAP = "gift-wrap";
    public static final String INSURE_SHIPMENT = "insure-shipment";
    public static final String CREATE_SHIPMENT = "create-shipment";
    public static final String CANCEL_SHIPMENT = "cancel-shipment";
    public static final String ESCALATE_LATE_DELIVERY = "escalate-late-delivery";
    public static final String COMPLETE_ORDER = "complete-order";
    public static final String NOTIFY_CUSTOMER = "notify-customer";
    public static final String REJECT_ORDER = "reject-order";
    public static final String CANCEL_ORDER = "cancel-order";
    public static final String ASSIGN_DRONE = "assign-drone";
    public static final String ASSIGN_CARRIER = "assign-carrier";
    public static final String SCHEDULE_DELIVERY = "schedule-delivery";
    public static final String AWARD_LOYALTY_POINTS = "award-loyalty-points";
    public static final String RECORD_SALE = "record-sale";

    private JobTypes() {}
  }

  /** Message names ({@code bpmn:message/@name}); all correlate by order id. */
  public static final class Messages {
    /** Starts an order (message start event; message id = order id, so a re-send is a no-op). */
    public static final String ORDER_RECEIVED = "OrderReceived";

    public static final String PAYMENT_CONFIRMED = "PaymentConfirmed";
    public static final String PAYMENT_DECLINED = "PaymentDeclined";
    public static final String SHIPMENT_DELIVERED = "ShipmentDelivered";
    public static final String ORDER_CANCELLED = "OrderCancelled";

    private Messages() {}
  }

  /** BPMN error codes ({@code bpmn:error/@errorCode}): business refusals the models handle. */
  public static final class Errors {
    public static final String INVALID_ORDER = "INVALID_ORDER";
    public static final String INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK";
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

    private Errors() {}
  }

  /** Signal names ({@code bpmn:signal/@name}). */
  public static final class Signals {
    public static final String ORDER_FULFILLED = "OrderFulfilled";

    private Signals() {}
  }

  /** Final outcomes, in process variable {@value Variables#OUTCOME}. */
  public static final class Outcomes {
    public static final String COMPLETED = "COMPLETED";
    public static final String REJECTED = "REJECTED";
    public static final String CANCELLED = "CANCELLED";

    private Outcomes() {}
  }

  /** Why an order was rejected, in process variable {@value Variables#REJECTION_REASON}. */
  public static final class RejectionReasons {
    public static final String INVALID_ORDER = "INVALID_ORDER";
    public static final String HIGH_RISK = "HIGH_RISK";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    public static final String PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT";

    private RejectionReasons() {}
  }

  /** Payment states in process variable {@value Variables#PAYMENT_STATUS}. */
  public static final class PaymentStatuses {
    public static final String CHARGED = "CHARGED";
    public static final String PENDING_CONFIRMATION = "PENDING_CONFIRMATION";

    private PaymentStatuses() {}
  }

  /** Ids of the BPMN elements code refers to (recovery, the sandbox carrier). */
  public static final class Elements {
    public static final String CHARGE_PAYMENT = "ChargePayment";
    public static final String AWAIT_PAYMENT_CONFIRMATION = "AwaitPaymentConfirmation";
    public static final String FULFILMENT_FORK = "FulfilmentFork";
    public static final String EXTRAS_GATEWAY = "ExtrasGateway";
    public static final String AWAIT_DELIVERY = "AwaitDelivery";
    public static final String SCHEDULE_DELIVERY = "ScheduleDelivery";

    private Elements() {}
  }

  /** Process variable names shared by models, workers and the API. */
  public static final class Variables {
    // set at start by the app
    public static final String ORDER_ID = "orderId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String LINES = "lines";
    public static final String SHIPPING_COUNTRY = "shippingCountry";
    public static final String EXPRESS = "express";
    public static final String GIFT_WRAP = "giftWrap";
    public static final String INSURANCE = "insurance";
    public static final String CORRELATION_ID = "correlationId";
    // W3C trace context of the order's start: every job worker continues this trace
    public static final String TRACEPARENT = "traceparent";
    public static final String PAYMENT_CONFIRMATION_TIMEOUT = "paymentConfirmationTimeout";
    public static final String DELIVERY_SLA = "deliverySla";
    // produced along the way
    public static final String TOTAL = "total";
    public static final String CURRENCY = "currency";
    public static final String TOTAL_WEIGHT_KG = "totalWeightKg";
    public static final String PREVIOUS_ORDERS = "previousOrders";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String LINE_NO = "lineNo";
    public static final String SKU = "sku";
    public static final String QUANTITY = "quantity";
    public static final String RESERVATION = "reservation";
    public static final String RESERVATIONS = "reservations";
    public static final String PAYMENT_STATUS = "paymentStatus";
    public static final String CHARGE_ID = "chargeId";
    public static final String REFUNDED_AMOUNT = "refundedAmount";
    public static final String PACKAGE_ID = "packageId";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String GIFT_WRAPPED = "giftWrapped";
    public static final String INSURANCE_POLICY = "insurancePolicy";
    public static final String SHIPMENT_ID = "shipmentId";
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String SHIPPING_METHOD = "shippingMethod";
    public static final String CARRIER = "carrier";
    public static final String ESTIMATED_DELIVERY = "estimatedDelivery";
    public static final String DELIVERED_AT = "deliveredAt";
    public static final String OUTCOME = "outcome";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REJECTION_DETAIL = "rejectionDetail";
    public static final String POINTS = "points";

    private Variables() {}
  }
}
