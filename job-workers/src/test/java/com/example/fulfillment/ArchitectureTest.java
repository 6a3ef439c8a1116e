package com.example.fulfillment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.camunda.client.annotation.JobWorker;

/**
 * The hexagon's rules: the domain (the capability packages themselves) is plain Java; Camunda
 * lives in the {@code worker} adapters, Spring JDBC in the {@code jdbc} adapters (and the sandbox
 * payment provider), wiring in the root package.
 */
@AnalyzeClasses(packages = "com.example.fulfillment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String[] DOMAIN = {
    "com.example.fulfillment.order",
    "com.example.fulfillment.inventory",
    "com.example.fulfillment.payment",
    "com.example.fulfillment.shipping",
    "com.example.fulfillment.warehouse",
    "com.example.fulfillment.invoicing",
    "com.example.fulfillment.loyalty",
    "com.example.fulfillment.analytics",
    "com.example.fulfillment.notification",
    "com.example.fulfillment.common",
    "com.example.fulfillment.closing"
  };

  @ArchTest
  static final ArchRule domainIsPlainJava =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.camunda..", "org.springframework..", "com.zaxxer..", "java.sql..", "javax.sql..",
              "io.micrometer..", "com.example.fulfillment.jobs..", "com.example.fulfillment.process..")
          .because("the domain knows nothing of the engine, the framework or the database");

  @ArchTest
  static final ArchRule onlyWorkersUseTheEngine =
      noClasses()
          .that()
          .resideOutsideOfPackages("..worker", "com.example.fulfillment.jobs")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.camunda..")
          .because("job workers are the only adapters to the engine");

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
  static final ArchRule adaptersAreNotUsedByTheDomain =
      classes()
          .that()
          .resideInAnyPackage("..jdbc", "..sandbox", "..worker")
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAnyPackage("..jdbc", "..sandbox", "..worker", "com.example.fulfillment");
}
