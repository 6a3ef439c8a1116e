package com.example.fulfillment.shipping.worker;

/** Out of assign-carrier and assign-drone: {@code carrier}. */
public record CarrierOutput(String carrier) {}
