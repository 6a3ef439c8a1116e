package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.web.ProblemType;

/**
 * A migration or modification that cannot be done as asked, found before the engine is asked: its
 * {@link ProblemType} says which (400 plan or modification, 404 version, 409 no active instance,
 * 422 refused by the engine).
 */
class InstanceRequestException extends RuntimeException {

  private final transient ProblemType type;

  InstanceRequestException(final ProblemType type, final String message) {
    super(message);
    this.type = type;
  }

  ProblemType type() {
    return type;
  }

  static InstanceRequestException invalidMigration(final String message) {
    return new InstanceRequestException(ProblemType.INVALID_MIGRATION, message);
  }

  static InstanceRequestException invalidModification(final String message) {
    return new InstanceRequestException(ProblemType.INVALID_MODIFICATION, message);
  }

  static InstanceRequestException definitionNotFound(final String message) {
    return new InstanceRequestException(ProblemType.PROCESS_DEFINITION_NOT_FOUND, message);
  }

  static InstanceRequestException noActiveInstance(final String message) {
    return new InstanceRequestException(ProblemType.NO_ACTIVE_INSTANCE, message);
  }
}
