package com.example.fulfillment.inventory;

import com.example.fulfillment.common.Transactions;
import com.example.fulfillment.order.PriceList;
import java.util.List;
import java.util.Optional;

/** The product catalog, as the order prices itself from it. */
public record ProductCatalog(InventoryRepository inventory, Transactions tx) implements PriceList {

  @Override
  public Optional<Item> find(final String sku) {
    return tx.inTransaction(() -> inventory.findProduct(sku))
        .map(p -> new Item(p.sku(), p.name(), p.unitPrice(), p.currency(), p.weightKg()));
  }

  public List<Product> products() {
    return tx.inTransaction(inventory::products);
  }
}
