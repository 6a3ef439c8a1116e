package com.example.fulfillment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.camunda.client.annotation.JobWorker;

/**
 * The house's boundaries, checked where both sides are visible: the domain module (job-workers: one
 * package per capability, plain Java, with {@code worker} and {@code jdbc} adapters) and the app
 * ({@code com.example.fulfillment.app}, by feature). A rule broken here fails the build.
 */
@AnalyzeClasses(
    packages = "com.example.fulfillment",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** Test fixtures of other modules (test jars, the test-fixtures module) are not the house. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(final Location location) {
      return !location.contains("-tests.jar")
          && !location.contains("/test-classes/")
          && !location.contains("test-fixtures");
    }
  }

  /** The domain's capability packages (ArchUnit's alternation syntax). */
  static final String CAPABILITIES =
      "com.example.fulfillment.[order|inventory|payment|shipping|warehouse|invoicing|loyalty|risk|analytics|notification]";

  /** The domain capabilities and the shared kernel: plain Java. */
  static final String[] DOMAIN = {
    "com.example.fulfillment.order",
    "com.example.fulfillment.inventory",
    "com.example.fulfillment.payment",
    "com.example.fulfillment.shipping",
    "com.example.fulfillment.warehouse",
    "com.example.fulfillment.invoicing",
    "com.example.fulfillment.loyalty",
    "com.example.fulfillment.risk",
    "com.example.fulfillment.analytics",
    "com.example.fulfillment.notification",
    "com.example.fulfillment.common"
  };

  @ArchTest
  static final ArchRule domainIsPlainJava =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.camunda..",
              "org.springframework..",
              "com.zaxxer..",
              "java.sql..",
              "javax.sql..",
              "io.micrometer..",
              "com.example.fulfillment.jobs..",
              "com.example.fulfillment.process..",
              "com.example.fulfillment.app..")
          .because(
              "the domain knows nothing of the engine, the framework, the database or the app");

  @ArchTest
  static final ArchRule inTheDomainModuleOnlyWorkersUseTheEngine =
      noClasses()
          .that()
          .resideInAnyPackage(
              "com.example.fulfillment.[order|inventory|payment|shipping|warehouse|invoicing|loyalty|risk|analytics|notification|common|config]..")
          .and()
          .resideOutsideOfPackage("..worker")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.camunda..")
          .because("job workers are the domain's only adapters to the engine");

  @ArchTest
  static final ArchRule jobWorkersLiveInWorkerPackages =
      methods()
          .that()
          .areAnnotatedWith(JobWorker.class)
          .should()
          .beDeclaredInClassesThat()
          .resideInAPackage("..worker")
          .andShould()
          .bePublic();

  @ArchTest
  static final ArchRule workersDoNotTouchTheDatabase =
      noClasses()
          .that()
          .resideInAPackage("..worker")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..jdbc..", "org.springframework.jdbc..", "java.sql..");

  @ArchTest
  static final ArchRule domainAdaptersAreUsedOnlyByAdaptersAndWiring =
      classes()
          .that()
          .resideInAnyPackage(
              CAPABILITIES + ".jdbc", CAPABILITIES + ".sandbox", CAPABILITIES + ".worker")
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAnyPackage("..jdbc", "..sandbox", "..worker", "com.example.fulfillment.config")
          .because(
              "the domain and the app reach a capability through its service, not its adapters");

  @ArchTest
  static final ArchRule theAppKeepsToTheDomainsPublicFace =
      noClasses()
          .that()
          .resideInAPackage("com.example.fulfillment.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CAPABILITIES + ".jdbc..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("com.example.fulfillment.jobs.JobHandling")
          .because(
              "no app class touches a capability's JDBC internals (the shared kernel's JDBC"
                  + " helpers, common.jdbc, are published for every adapter) or the workers' engine glue");

  @ArchTest
  static final ArchRule webIsBelowTheFeatures =
      noClasses()
          .that()
          .resideInAPackage("com.example.fulfillment.app.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.example.fulfillment.app.order..",
              "com.example.fulfillment.app.events..",
              "com.example.fulfillment.app.monitor..",
              "com.example.fulfillment.app.sandbox..",
              "com.example.fulfillment.app.engine..")
          .because(
              "each feature maps its own exceptions to problems (ErrorResponse): no arrow runs "
                  + "from web back up into a feature");

  @ArchTest
  static final ArchRule domainCapabilitiesAreFreeOfCycles =
      slices().matching("com.example.fulfillment.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule appFeaturesAreFreeOfCycles =
      slices().matching("com.example.fulfillment.app.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheRabbitAdapterKnowsTheBroker =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.example.fulfillment.app.events.rabbit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.example.fulfillment.app.events.rabbit..",
              "org.springframework.amqp..",
              "com.rabbitmq..")
          .because("RabbitMQ is one transport behind EventPublisher and DeadLetters");

  @ArchTest
  static final ArchRule theRabbitAdapterGoesThroughTheIngress =
      noClasses()
          .that()
          .resideInAPackage("com.example.fulfillment.app.events.rabbit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.example.fulfillment.app.engine..", "io.camunda..")
          .because("inbound events reach the engine only through EventIngress, like the webhook");
}
