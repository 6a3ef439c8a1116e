package com.example.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fulfillment.support.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain unit tests of the order's command and value types. */
class PlaceOrderTest {

  @Test
  void aCommandNeedsItsFields() {
    assertThatThrownBy(() -> Fixture.command(" ", "c-1", "tok_ok", "SKU-1:1"))
        .hasMessageContaining("orderId");
    assertThatThrownBy(() -> Fixture.command("o-1", "c-1", "", "SKU-1:1"))
        .hasMessageContaining("paymentToken");
    assertThatThrownBy(() -> Fixture.command("o-1", "c-1", "tok_ok"))
        .hasMessageContaining("at least one line");
    assertThatThrownBy(() -> new PlaceOrder.Line("SKU-1", 0)).hasMessageContaining("positive");
    assertThatThrownBy(() -> new ShippingAddress("A", "B", "C", "D", "Deutschland"))
        .hasMessageContaining("country");
  }

  @Test
  void thePaymentTokenAndTheAddressNeverShowInText() {
    final PlaceOrder command = Fixture.command("o-1", "c-1", "tok_secret", "SKU-1:1");
    assertThat(command.toString()).doesNotContain("tok_secret").doesNotContain("Heidestraße");
  }

  @Test
  void addressesAreNormalised() {
    assertThat(new ShippingAddress(" A ", "B", "C", "1", "de").country()).isEqualTo("DE");
    assertThat(new ShippingAddress(" A ", "B", "C", "1", "de").name()).isEqualTo("A");
  }

  @Test
  void statusesMoveForwardAndEnd() {
    assertThat(OrderStatus.PAID.isAfter(OrderStatus.STOCK_RESERVED)).isTrue();
    assertThat(OrderStatus.VALIDATED.isAfter(OrderStatus.PAID)).isFalse();
    assertThat(List.of(OrderStatus.values()))
        .filteredOn(OrderStatus::isTerminal)
        .containsExactly(OrderStatus.COMPLETED, OrderStatus.REJECTED, OrderStatus.CANCELLED);
  }
}
