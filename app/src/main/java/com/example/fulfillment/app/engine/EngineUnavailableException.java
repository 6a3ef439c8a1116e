package com.example.fulfillment.app.engine;

/** The process engine cannot be reached (or sheds load): the caller should retry later (503). */
public class EngineUnavailableException extends RuntimeException {

  public EngineUnavailableException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
