package com.example.fulfillment.order;

import java.util.Locale;

/** Where the order goes. Personal data: kept in the order record, never in process variables. */
public record ShippingAddress(
    String name, String street, String city, String postalCode, String country) {

  public ShippingAddress {
    name = Require.text(name, "shippingAddress.name", 200);
    street = Require.text(street, "shippingAddress.street", 200);
    city = Require.text(city, "shippingAddress.city", 100);
    postalCode = Require.text(postalCode, "shippingAddress.postalCode", 20);
    country = Require.text(country, "shippingAddress.country", 2).toUpperCase(Locale.ROOT);
    if (!country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(
          "shippingAddress.country must be an ISO 3166 alpha-2 code, was " + country);
    }
  }

  @Override
  public String toString() {
    return "ShippingAddress[country=" + country + ", …]";
  }
}
