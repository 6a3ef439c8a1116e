package com.example.fulfillment.app.models.instances;

/**
 * The engine rejected a command: {@link #getMessage()} is the engine's own reason, verbatim, and
 * {@link #code()} the gRPC status it came with (e.g. INVALID_ARGUMENT, FAILED_PRECONDITION).
 */
class EngineRefusalException extends RuntimeException {

  private final String code;

  EngineRefusalException(final String code, final String engineMessage, final Throwable cause) {
    super(engineMessage, cause);
    this.code = code;
  }

  String code() {
    return code;
  }
}
