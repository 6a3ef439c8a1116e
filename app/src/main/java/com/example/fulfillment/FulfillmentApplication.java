package com.example.fulfillment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The order-fulfillment process application: REST API, job workers and engine wiring. The models
 * under {@code classpath:bpmn/} are deployed at startup by {@code engine.ProcessModels} (not the
 * starter's {@code @Deployment}, which cannot wait for a cluster that is briefly down).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FulfillmentApplication {

  public static void main(final String[] args) {
    SpringApplication.run(FulfillmentApplication.class, args);
  }
}
