package com.example.fulfillment.app.web;

/** A field that failed validation, as reported in a problem's {@code errors} member. */
public record FieldProblem(String field, String message) {}
