package com.example.fulfillment.app.models;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process versions: fed by the engine's records in embedded mode, by deployments in remote. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

  @Bean
  ProcessVersions processVersions(
      @Value("${fulfillment.engine.mode:embedded}") final String engineMode) {
    return new ProcessVersions("embedded".equals(engineMode));
  }
}
