package com.example.fulfillment.order;

import java.math.BigDecimal;

/**
 * One line of a placed order, priced from the catalog at placement.
 *
 * @param lineNo 1-based, in request order; equals the multi-instance {@code loopCounter} of the
 *     process, so it is the {@code lineNo} of the reservation jobs
 */
public record OrderLine(
    int lineNo,
    String sku,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal lineTotal,
    BigDecimal unitWeightKg) {}
