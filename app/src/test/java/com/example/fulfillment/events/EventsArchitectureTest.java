package com.example.fulfillment.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The broker is a plug-in: the ingress, the outbox relay and the dead-letter API know ports only,
 * so the default transport runs (and compiles its logic) without anything of RabbitMQ.
 */
@AnalyzeClasses(
    packages = "com.example.fulfillment.events",
    importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheRabbitAdapterKnowsTheBroker =
      noClasses()
          .that()
          .resideOutsideOfPackage("..events.rabbit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..events.rabbit..", "org.springframework.amqp..", "com.rabbitmq..")
          .because("RabbitMQ is one transport behind EventPublisher and DeadLetters");

  @ArchTest
  static final ArchRule theRabbitAdapterGoesThroughTheIngress =
      noClasses()
          .that()
          .resideInAPackage("..events.rabbit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..engine..", "io.camunda..")
          .because("inbound events reach the engine only through EventIngress, like the webhook");
}
