package com.example.fulfillment.app.events.contracts;

/** No schema of this type and version (404 schema-not-found). */
class SchemaNotFoundException extends RuntimeException {

  SchemaNotFoundException(final String type, final String version) {
    super("No schema of event type " + type + " in version " + version + ".");
  }
}
