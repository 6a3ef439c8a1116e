package com.example.fulfillment.app.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fulfillment.app.events.inbound.InvalidEventException.Violation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the CloudEvents SDK refuses, as the app's violations; what it reads, as an event. */
class IncomingCloudEventsTest {

  static final String HEAD =
      "\"specversion\": \"1.0\", \"id\": \"e1\", \"source\": \"urn:psp\","
          + " \"type\": \"com.example.payment.confirmed\"";

  @Test
  void aStructuredEventIsReadWithItsTraceContextAndJsonData() {
    final IncomingEvent event =
        IncomingCloudEvents.structured(
            bytes(
                "{"
                    + HEAD
                    + ", \"subject\": \"ord_1\", \"time\": \"2026-01-03T14:12:00Z\","
                    + " \"traceparent\": \"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\","
                    + " \"data\": {\"orderId\": \"ord_1\", \"attempt\": 2}}"));

    assertThat(event.specVersion()).isEqualTo("1.0");
    assertThat(event.id()).isEqualTo("e1");
    assertThat(event.source()).isEqualTo("urn:psp");
    assertThat(event.type()).isEqualTo("com.example.payment.confirmed");
    assertThat(event.subject()).isEqualTo("ord_1");
    assertThat(event.time()).isEqualTo("2026-01-03T14:12:00Z");
    assertThat(event.dataContentType()).isEqualTo("application/json");
    assertThat(event.traceparent()).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
    assertThat(event.data()).containsEntry("orderId", "ord_1");
    assertThat(event.data().get("attempt")).hasToString("2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not JSON          | {                                                   | (body)      | is not valid JSON
          an array          | []                                                  | (body)      | must be a CloudEvent JSON object
          JSON null         | null                                                | (body)      | must be a CloudEvent JSON object
          no id             | {"specversion": "1.0", "source": "s", "type": "t"}   | id          | is required
          no specversion    | {"id": "e1", "source": "s", "type": "t"}             | specversion | is required
          unknown version   | {"specversion": "2.0", "id": "e1", "source": "s", "type": "t"} | specversion | must be 1.0
          id a number       | {"specversion": "1.0", "id": 1, "source": "s", "type": "t"} | id | must be a string
          subject an object | {"specversion": "1.0", "id": "e1", "source": "s", "type": "t", "subject": {}} | subject | must be a string
          bad extension     | {"specversion": "1.0", "id": "e1", "source": "s", "type": "t", "Bad-Name": "x"} | Bad-Name | is not a CloudEvents attribute (extensions: a-z0-9)
          bad time          | {"specversion": "1.0", "id": "e1", "source": "s", "type": "t", "time": "noon"} | time | must be an RFC 3339 timestamp
          source no URI     | {"specversion": "1.0", "id": "e1", "source": "a b", "type": "t"} | source | must be a URI reference
          data_base64       | {"specversion": "1.0", "id": "e1", "source": "s", "type": "t", "data_base64": "eA=="} | data | must be JSON: binary data (data_base64) is not supported
          data an array     | {"specversion": "1.0", "id": "e1", "source": "s", "type": "t", "data": [1]} | data | must be a JSON object
          """)
  void whatTheSdkRefusesIsAViolationOfItsAttribute(
      final String name, final String body, final String field, final String message) {
    assertThatThrownBy(() -> IncomingCloudEvents.structured(bytes(body)))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e -> assertThat(e.violations()).containsExactly(new Violation(field, message)));
  }

  @Test
  void anEmptyBodyIsRefused() {
    assertThatThrownBy(() -> IncomingCloudEvents.structured(new byte[0]))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e -> assertThat(e.violations()).containsExactly(new Violation("(body)", "is empty")));
  }

  private static byte[] bytes(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
