package com.example.fulfillment.app.models.instances;

/** Examples for the OpenAPI description of the migration and modification API. */
final class InstanceExamples {

  private InstanceExamples() {}

  private static final String PROBLEM = "{\"type\": \"https://fulfillment.example.com/problems/";

  static final String MIGRATION_REPORT =
      """
      {"dryRun": false,
       "source": {"key": 2251799813685301, "bpmnProcessId": "order-fulfillment", "version": 2,
                  "versionTag": "1"},
       "target": {"key": 2251799813685420, "bpmnProcessId": "order-fulfillment", "version": 3,
                  "versionTag": "2"},
       "instances": [
         {"processInstanceKey": 2251799813685350, "orderId": "ord_3f1c6a2e", "result": "MIGRATED",
          "reason": null},
         {"processInstanceKey": 2251799813685388, "orderId": "ord_9a0b7c1d", "result": "REFUSED",
          "reason": "active element ChargePayment is not mapped"}],
       "counts": {"WOULD_MIGRATE": 0, "MIGRATED": 1, "REFUSED": 1, "FAILED": 0}}
      """;

  static final String MODIFIED =
      "{\"orderId\": \"ord_3f1c6a2e\", \"processInstanceKey\": 2251799813685350, \"terminated\":"
          + " [{\"elementId\": \"ChargePayment\", \"elementInstanceKey\": 2251799813685377}],"
          + " \"activated\": [\"RejectMergeCharge\"]}";

  static final String PROBLEM_INVALID_MIGRATION =
      PROBLEM
          + "invalid-migration\", \"title\": \"Invalid migration plan\", \"status\": 400,"
          + " \"detail\": \"mapped elements must have the same type: AwaitPaymentConfirmation is a"
          + " eventBasedGateway, ReviewFraud is a serviceTask\"}";

  static final String PROBLEM_MODIFICATION_REFUSED =
      PROBLEM
          + "modification-refused\", \"title\": \"Modification refused by the engine\","
          + " \"status\": 422, \"detail\": \"(the engine's reason, verbatim)\","
          + " \"engineCode\": \"INVALID_ARGUMENT\"}";
}
