package com.example.fulfillment.app.events.outbound;

import java.net.URI;
import java.util.function.BiFunction;

/**
 * Where the published events come from: their {@code source}, and the {@code dataschema} URI of
 * each type and version (served by the app: {@code DataSchemas}).
 */
public record EventOrigin(String source, BiFunction<String, Integer, URI> dataSchemaOf) {}
