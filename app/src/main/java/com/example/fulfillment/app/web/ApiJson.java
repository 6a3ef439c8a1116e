package com.example.fulfillment.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The API's JSON: Spring Boot's mapper (ISO-8601 times, unknown properties refused) made strict for
 * requests, without touching the app's shared {@code ObjectMapper} (the Camunda client copies that
 * one for job variables). Refused: unknown fields, duplicate keys, trailing content, numbers for
 * text and text for numbers or booleans, fractions for whole numbers, null for primitives. Written:
 * BigDecimal amounts as plain decimals.
 */
@Configuration(proxyBeanMethods = false)
public class ApiJson {

  private final ObjectMapper mapper;

  ApiJson(final Jackson2ObjectMapperBuilder builder) {
    final ObjectMapper m = builder.build();
    m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxNumberLength(40)
                .maxStringLength(64 * 1024)
                .build());
    for (LogicalType type :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      m.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      m.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    this.mapper = m;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Replaces Spring Boot's JSON converter for the MVC API (same media types). */
  @Bean
  MappingJackson2HttpMessageConverter apiJsonConverter() {
    return new MappingJackson2HttpMessageConverter(mapper);
  }

  /**
   * Answers with {@code problem} (its status, {@code application/problem+json}) where Spring MVC's
   * handlers are not in play: servlet and security filters. Set any header before.
   */
  public void write(final HttpServletResponse response, final ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), problem);
  }
}
