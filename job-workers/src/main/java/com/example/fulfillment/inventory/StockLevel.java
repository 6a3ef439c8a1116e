package com.example.fulfillment.inventory;

/**
 * Stock of one SKU. Conservation: {@code available + reserved + shipped == initial} (also a table
 * constraint).
 */
public record StockLevel(String sku, int initial, int available, int reserved, int shipped) {}
