package com.example.fulfillment.app.models.instances;

/** Examples for the OpenAPI description of the migration and modification API. */
final class InstanceExamples {

  private InstanceExamples() {}

  static final String MIGRATION_REQUEST =
      """
      {"processDefinitionKey": 2251799813685301, "targetVersion": 3,
       "mappings": [
         {"sourceElementId": "AwaitPaymentConfirmation", "targetElementId": "AwaitPaymentConfirmation"},
         {"sourceElementId": "DeliverShipment", "targetElementId": "DeliverShipment"}],
       "dryRun": true}
      """;

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

  static final String PROBLEM_INVALID_MIGRATION =
      """
      {"type": "https://fulfillment.example.com/problems/invalid-migration",
       "title": "Invalid migration plan", "status": 400,
       "detail": "mapped elements must have the same type: AwaitPaymentConfirmation is a eventBasedGateway, ReviewFraud is a serviceTask",
       "correlationId": "5b1f0c2e-…"}
      """;

  static final String PROBLEM_DEFINITION_NOT_FOUND =
      """
      {"type": "https://fulfillment.example.com/problems/process-definition-not-found",
       "title": "Process definition not found", "status": 404,
       "detail": "no deployed process definition with key 42", "correlationId": "5b1f0c2e-…"}
      """;

  static final String MODIFICATION_REQUEST =
      """
      {"terminate": ["ChargePayment"],
       "activate": [{"elementId": "RejectMergeCharge",
                     "variables": {"rejectionReason": "PAYMENT_DECLINED",
                                   "rejectionDetail": "payment provider down: rejected by an operator"}}]}
      """;

  static final String MODIFIED =
      """
      {"orderId": "ord_3f1c6a2e", "processInstanceKey": 2251799813685350,
       "terminated": [{"elementId": "ChargePayment", "elementInstanceKey": 2251799813685377}],
       "activated": ["RejectMergeCharge"]}
      """;

  static final String PROBLEM_INVALID_MODIFICATION =
      """
      {"type": "https://fulfillment.example.com/problems/invalid-modification",
       "title": "Invalid modification", "status": 400,
       "detail": "element CapturePayment is not active in process instance 2251799813685350 (active: ChargePayment)",
       "correlationId": "5b1f0c2e-…"}
      """;

  static final String PROBLEM_NO_ACTIVE_INSTANCE =
      """
      {"type": "https://fulfillment.example.com/problems/no-active-instance",
       "title": "No active process instance", "status": 409,
       "detail": "process instance 2251799813685350 of order ord_3f1c6a2e is not active (order COMPLETED)",
       "correlationId": "5b1f0c2e-…"}
      """;

  static final String PROBLEM_MODIFICATION_REFUSED =
      """
      {"type": "https://fulfillment.example.com/problems/modification-refused",
       "title": "Modification refused by the engine", "status": 422,
       "detail": "(the engine's reason, verbatim)", "engineCode": "INVALID_ARGUMENT",
       "correlationId": "5b1f0c2e-…"}
      """;
}
