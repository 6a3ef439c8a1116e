package com.example.fulfillment.app.support;

import com.example.fulfillment.app.engine.ProcessMessages;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test wiring shared by every {@link EmbeddedEngineTest}: API key by default, webhook requests
 * signed by default, engine faults.
 */
@TestConfiguration(proxyBeanMethods = false)
// requests through MockMvc as a client of the API sends them; the exported spans, on demand
@Import({ApiDriver.class, SpanCapture.class})
public class ApiTestConfiguration {

  /**
   * The local default key (application.yaml): every MockMvc request sends it unless it sets one.
   */
  public static final String API_KEY = "local-dev-key";

  public static final String READ_ONLY_KEY = "local-read-key";

  /** For a request without the default key: {@code get(...).with(withoutApiKey())}. */
  public static RequestPostProcessor withoutApiKey() {
    return request -> {
      request.removeHeader("X-API-Key");
      return request;
    };
  }

  @Bean
  MockMvcBuilderCustomizer defaultApiKey() {
    return builder ->
        builder.defaultRequest(
            MockMvcRequestBuilders.get("/")
                .header("X-API-Key", API_KEY)
                // the partner webhook takes signed requests only: signed as a partner would
                .with(WebhookSigner.signed()));
  }

  /** The tests' token issuer: a local RSA key, trusted by the app like an issuer's JWK set. */
  public static final TestTokens TOKENS = new TestTokens();

  /** The OAuth2 resource server on, as with spring.security.oauth2.resourceserver.jwt.*. */
  @Bean
  JwtDecoder testIssuer() {
    return TOKENS.decoder();
  }

  @Bean
  @Primary
  EngineFaults engineFaults(@Qualifier("camundaProcessMessages") final ProcessMessages real) {
    return new EngineFaults(real);
  }
}
