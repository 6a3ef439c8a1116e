package com.example.fulfillment.app.order.api;

import com.example.fulfillment.app.order.NewOrder;
import com.example.fulfillment.app.order.OrderCancellation;
import com.example.fulfillment.app.order.OrderIntake;
import com.example.fulfillment.app.order.OrderView;
import com.example.fulfillment.app.timeline.BpmnElements;
import com.example.fulfillment.app.web.ApiExamples;
import com.example.fulfillment.app.web.CorrelationId;
import com.example.fulfillment.app.web.FieldProblem;
import com.example.fulfillment.app.web.InvalidRequestException;
import com.example.fulfillment.app.web.ProblemResponse;
import com.example.fulfillment.app.web.ProblemResponses;
import com.example.fulfillment.app.web.ResponseExample;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.PlaceOrder;
import com.example.fulfillment.order.ShippingAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Places orders, reports on them, cancels them. Translation only: the use cases are services. */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "Place, follow and cancel orders")
record OrderController(
    OrderIntake intake, OrderView view, OrderCancellation cancellation, BpmnElements elements) {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final int MAX_PAGE_SIZE = 100;
  static final int MAX_PAGE = 10_000;

  private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** 404: no order with this id. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "404",
      content =
          @Content(
              mediaType = ProblemResponses.PROBLEM_JSON,
              examples = @ExampleObject(value = ApiExamples.PROBLEM_NOT_FOUND)))
  @interface OrderNotFound {}

  @Operation(
      summary = "Place an order",
      description =
          "Records the order (priced from the catalog) and starts its process. Idempotent: the"
              + " same Idempotency-Key (or orderId) with the same body answers with the same order"
              + " and starts nothing twice; with another body it is refused (422). Body at most"
              + " 64 KB.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      examples = @ExampleObject(name = "order", value = ApiExamples.PLACE_ORDER))),
      responses = {
        @ApiResponse(
            responseCode = "202",
            description = "Accepted; the process runs (Location: the order)",
            headers = {
              @Header(name = "Location", description = "/api/orders/{orderId}"),
              @Header(
                  name = "Idempotent-Replayed",
                  description = "true when the answer is for an earlier request")
            },
            content = @Content(examples = @ExampleObject(value = ApiExamples.ORDER_ACCEPTED))),
        @ApiResponse(
            responseCode = "503",
            description = "Engine unreachable: the order is recorded, its start is retried",
            headers = @Header(name = "Retry-After", description = "seconds"),
            content =
                @Content(
                    mediaType = ProblemResponses.PROBLEM_JSON,
                    examples = @ExampleObject(value = ApiExamples.PROBLEM_UNAVAILABLE)))
      })
  @ProblemResponse(status = 413, description = "Body larger than 64 KB")
  @ProblemResponse(
      status = 422,
      description = "Unknown SKU, Idempotency-Key reused for another body, orderId taken",
      example = ApiExamples.PROBLEM_UNPROCESSABLE)
  @ProblemResponses.InvalidRequest(description = "Invalid or malformed body")
  @ProblemResponses.Unauthorized(description = "No or wrong credentials")
  @ProblemResponses.UnsupportedMediaType(description = "Not application/json")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<OrderAccepted> place(
      @Parameter(
              description = "Makes retries safe: same key + same body = same order",
              example = "c-1-2026-01-02-0001")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          final String idempotencyKey,
      @Valid @RequestBody final PlaceOrderRequest request,
      @Parameter(hidden = true) final Principal principal) {
    if (idempotencyKey != null && !SAFE_KEY.matcher(idempotencyKey).matches()) {
      throw new InvalidRequestException(
          IDEMPOTENCY_KEY, "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -");
    }
    rejectDuplicateSkus(request.items());
    final var address = request.shippingAddress();
    final String clientId = principal == null ? "anonymous" : principal.getName();
    final OrderIntake.Placement placement =
        intake.place(
            new NewOrder(
                clientId,
                idempotencyKey,
                RequestHash.of(request),
                new PlaceOrder(
                    OrderIntake.orderIdFor(clientId, idempotencyKey, request.orderId()),
                    request.customerId(),
                    request.items().stream()
                        .map(i -> new PlaceOrder.Line(i.sku(), i.quantity()))
                        .toList(),
                    request.paymentToken(),
                    new ShippingAddress(
                        address.name(),
                        address.street(),
                        address.city(),
                        address.postalCode(),
                        address.country()),
                    Boolean.TRUE.equals(request.express()),
                    Boolean.TRUE.equals(request.giftWrap()),
                    Boolean.TRUE.equals(request.insurance()),
                    CorrelationId.current())));
    return ResponseEntity.accepted()
        .location(URI.create("/api/orders/" + placement.order().orderId()))
        .header("Idempotent-Replayed", Boolean.toString(placement.replayed()))
        .body(OrderAccepted.of(placement.order()));
  }

  /** Each SKU once per order: a repeated SKU is refused, not merged (docs/api.md). */
  private static void rejectDuplicateSkus(final List<PlaceOrderRequest.Item> items) {
    final Set<String> seen = new HashSet<>();
    final List<FieldProblem> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!seen.add(items.get(i).sku())) {
        errors.add(
            new FieldProblem(
                "items[" + i + "].sku",
                "SKU "
                    + items.get(i).sku()
                    + " appears more than once: put the whole quantity in one line"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  @Operation(
      summary = "An order: status, lines, totals, payment, shipment, outcome, process state",
      description =
          "process.currentSteps and process.openIncidents come from the embedded engine's records"
              + " (basis ENGINE_RECORDS); in remote mode they are a best effort from what the job"
              + " workers saw (WORKER_EVENTS): wait states are not visible there.")
  @ResponseExample(ApiExamples.ORDER_DETAILS)
  @ProblemResponses.Unauthorized
  @OrderNotFound
  @GetMapping("/{orderId}")
  OrderDetails get(
      @Parameter(example = "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f") @PathVariable
          final String orderId) {
    final OrderView.Details details = view.details(orderId);
    return OrderDetails.of(details.order(), details.process());
  }

  @Operation(
      summary = "The order's path in time",
      description =
          "Every BPMN element entered, completed or terminated (id, name, type, compensation"
              + " handler), job failures and retries, incidents, messages received, and what the API"
              + " did, oldest first.")
  @ResponseExample(ApiExamples.TIMELINE)
  @ProblemResponses.Unauthorized
  @OrderNotFound
  @GetMapping("/{orderId}/timeline")
  OrderTimeline timeline(
      @Parameter(example = "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f") @PathVariable
          final String orderId) {
    return OrderTimeline.of(orderId, view.timeline(orderId), elements);
  }

  @Operation(
      summary = "Orders, newest first",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content = @Content(examples = @ExampleObject(value = ApiExamples.ORDER_LIST)))
      })
  @ProblemResponses.InvalidRequest(description = "Unknown status, page < 0, size not 1..100")
  @ProblemResponses.Unauthorized
  @GetMapping
  OrderList list(
      @Parameter(
              description = "Only orders in this status",
              schema = @Schema(implementation = OrderStatus.class))
          @RequestParam(required = false)
          final String status,
      @Parameter(description = "0-based page", example = "0") @RequestParam(defaultValue = "0")
          final String page,
      @Parameter(description = "1 to 100", example = "20") @RequestParam(defaultValue = "20")
          final String size) {
    final List<FieldProblem> errors = new ArrayList<>();
    OrderStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = OrderStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldProblem("status", "must be one of " + List.of(OrderStatus.values())));
      }
    }
    final int p = intParam(page, "page", 0, MAX_PAGE, errors);
    final int s = intParam(size, "size", 1, MAX_PAGE_SIZE, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return OrderList.of(view.list(wanted, p, s));
  }

  private static int intParam(
      final String value,
      final String name,
      final int min,
      final int max,
      final List<FieldProblem> errors) {
    try {
      final int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
    return min;
  }

  @Operation(
      summary = "Cancel an order",
      description =
          "Asks the process to cancel (message OrderCancelled): it undoes what was done (shipment,"
              + " payment, stock) and ends the order CANCELLED. Asking again changes nothing."
              + " Refused (409) once the order is DELIVERED, COMPLETED, REJECTED or CANCELLED.",
      responses = {
        @ApiResponse(
            responseCode = "202",
            content =
                @Content(examples = @ExampleObject(value = ApiExamples.CANCELLATION_ACCEPTED))),
        @ApiResponse(
            responseCode = "409",
            content =
                @Content(
                    mediaType = ProblemResponses.PROBLEM_JSON,
                    examples = @ExampleObject(value = ApiExamples.PROBLEM_CONFLICT)))
      })
  @ProblemResponses.Unauthorized
  @OrderNotFound
  @ProblemResponses.EngineUnavailable
  @PostMapping("/{orderId}/cancellation")
  ResponseEntity<CancellationAccepted> cancel(
      @Parameter(example = "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f") @PathVariable
          final String orderId) {
    final var order = cancellation.request(orderId);
    return ResponseEntity.accepted()
        .location(URI.create("/api/orders/" + orderId))
        .body(new CancellationAccepted(orderId, order.status(), true));
  }
}
