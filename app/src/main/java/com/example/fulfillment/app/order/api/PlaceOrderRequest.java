package com.example.fulfillment.app.order.api;

import static com.example.fulfillment.app.web.validation.CheckedText.Rule.ISO_COUNTRY;
import static com.example.fulfillment.app.web.validation.CheckedText.Rule.PRINTABLE;

import com.example.fulfillment.app.web.validation.CheckedText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/orders}. Prices are not part of it: they come from the catalog. Unknown
 * fields, wrong types and numbers where text is expected (or the reverse) are refused.
 */
@Schema(description = "An order to place")
public record PlaceOrderRequest(
    @Schema(
            description =
                "Your own order id (optional); else derived from the Idempotency-Key, or made up",
            example = "ord_2024-0001",
            nullable = true)
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._-]+")
        String orderId,
    @Schema(example = "c-1") @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+")
        String customerId,
    @Schema(description = "1 to 50 lines, each SKU once") @NotEmpty @Size(max = 50)
        List<@Valid @NotNull Item> items,
    @Schema(
            description =
                "Sandbox payment token: tok_ok, tok_declined, tok_confirm, tok_flaky, tok_outage, tok_slow",
            example = "tok_ok")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9_]+")
        String paymentToken,
    @NotNull @Valid Address shippingAddress,
    @Schema(description = "Express delivery (default false)", nullable = true) Boolean express,
    @Schema(description = "Gift wrap (default false)", nullable = true) Boolean giftWrap,
    @Schema(description = "Insure the shipment (default false)", nullable = true)
        Boolean insurance) {

  /** One line: a catalog SKU and a quantity. */
  public record Item(
      @Schema(example = "SKU-1") @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9-]+")
          String sku,
      @Schema(example = "2", minimum = "1", maximum = "1000") @NotNull @Min(1) @Max(1000)
          Integer quantity) {}

  /** Where the order goes (personal data: kept in the order record, never in the process). */
  public record Address(
      @Schema(example = "Erika Mustermann") @NotBlank @Size(max = 200) @CheckedText(PRINTABLE)
          String name,
      @Schema(example = "Heidestraße 17") @NotBlank @Size(max = 200) @CheckedText(PRINTABLE)
          String street,
      @Schema(example = "Köln") @NotBlank @Size(max = 100) @CheckedText(PRINTABLE) String city,
      @Schema(example = "51147") @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]+")
          String postalCode,
      @Schema(description = "ISO 3166-1 alpha-2", example = "DE") @NotNull @CheckedText(ISO_COUNTRY)
          String country) {}
}
