package com.example.fulfillment.app.models;

import com.example.fulfillment.app.engine.EngineMode;
import com.example.fulfillment.app.engine.EngineProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process versions: fed by the engine's records in embedded mode, by deployments in remote. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

  @Bean
  ProcessVersions processVersions(final EngineProperties engine) {
    // the mode as the rest of the app binds it (any case), not a second reading of the property
    return new ProcessVersions(engine.mode() == EngineMode.EMBEDDED);
  }
}
