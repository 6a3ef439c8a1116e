package com.example.fulfillment.app.monitor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monitor page ({@code fulfillment.monitor.*}).
 *
 * @param operateUrl where Operate is, if configured (blank: not linked)
 */
@ConfigurationProperties("fulfillment.monitor")
public record MonitorProperties(@DefaultValue("") String operateUrl) {}
