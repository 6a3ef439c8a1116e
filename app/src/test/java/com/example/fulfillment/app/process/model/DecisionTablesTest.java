package com.example.fulfillment.app.process.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.process.ProcessConstants.Decisions;
import com.example.fulfillment.testing.ProcessEngineExtension;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMN tables, evaluated by the engine (first hit wins; an empty cell is a missing input). */
class DecisionTablesTest {

  @RegisterExtension static final ProcessEngineExtension engine = new ProcessEngineExtension();

  @ParameterizedTest(name = "total={0}, previousOrders={1}, country={2} -> {3}")
  @CsvSource({
    // very large order
    "5000.01, 10, DE, HIGH, 1",
    "9999,     , , HIGH, 1",
    // large first order
    "1000.01, 0, DE, HIGH, 2",
    // large order of a known customer
    "1000.01, 1, DE, MEDIUM, 3",
    "5000,    7, US, MEDIUM, 3",
    // first order outside the home markets
    "1000,    0, US, MEDIUM, 4",
    "20,      0, BR, MEDIUM, 4",
    // everything else
    "1000,    0, DE, LOW, 5",
    "20,      0, AT, LOW, 5",
    "999,     3, US, LOW, 5",
    "0,       5, DE, LOW, 5",
    ",         , , LOW, 5",
  })
  void fraudRisk(
      final Double total,
      final Integer previousOrders,
      final String country,
      final String riskLevel,
      final int rule) {
    assertDecision(
        Decisions.FRAUD_RISK,
        input("total", total, "previousOrders", previousOrders, "shippingCountry", country),
        riskLevel,
        rule);
  }

  @ParameterizedTest(name = "{0}, {1} kg, express={2}, total={3} -> {4}")
  @CsvSource({
    // too heavy for a parcel, whatever else
    "DE, 30.5, true,  50,   FREIGHT, 1",
    "US, 100,  false, 5000, FREIGHT, 1",
    // light express parcel in Germany
    "DE, 2,    true,  50,   DRONE, 2",
    "DE, 0.3,  true,  2000, DRONE, 2",
    // express
    "DE, 2.5,  true,  50,   EXPRESS, 3",
    "AT, 1,    true,  50,   EXPRESS, 3",
    // valuable parcel
    "DE, 5,    false, 1000, EXPRESS, 4",
    // everything else
    "DE, 2,    false, 999,  STANDARD, 5",
    "FR, 30,   false, 10,   STANDARD, 5",
    ",     ,        ,     , STANDARD, 5",
  })
  void shippingMethod(
      final String country,
      final Double weightKg,
      final Boolean express,
      final Double total,
      final String method,
      final int rule) {
    assertDecision(
        Decisions.SHIPPING_METHOD,
        input(
            "shippingCountry",
            country,
            "totalWeightKg",
            weightKg,
            "express",
            express,
            "total",
            total),
        method,
        rule);
  }

  @Test
  void decisionsAreDeployedUnderTheirContractIds() {
    assertThat(evaluate(Decisions.FRAUD_RISK, Map.of()).getDecisionId()).isEqualTo("fraud-risk");
    assertThat(evaluate(Decisions.SHIPPING_METHOD, Map.of()).getDecisionId())
        .isEqualTo("shipping-method");
  }

  private static EvaluateDecisionResponse evaluate(
      final String decisionId, final Map<String, Object> input) {
    return engine
        .client()
        .newEvaluateDecisionCommand()
        .decisionId(decisionId)
        .variables(input)
        .send()
        .join();
  }

  /** Decision variables by name; a blank CSV column is a null value, still passed in. */
  private static Map<String, Object> input(final Object... namesAndValues) {
    final Map<String, Object> input = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      input.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return input;
  }

  /** The decision answers {@code output} (a string), and by the rule numbered {@code rule}. */
  private static void assertDecision(
      final String decisionId,
      final Map<String, Object> input,
      final String output,
      final int rule) {
    final EvaluateDecisionResponse result = evaluate(decisionId, input);
    assertThat(result.getDecisionOutput()).isEqualTo("\"" + output + "\"");
    assertThat(matchedRule(result)).isEqualTo("Rule_" + rule);
  }

  private static String matchedRule(final EvaluateDecisionResponse result) {
    return result.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId();
  }
}
