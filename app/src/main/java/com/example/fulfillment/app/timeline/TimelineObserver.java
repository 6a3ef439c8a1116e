package com.example.fulfillment.app.timeline;

import java.util.List;

/** Told about timeline entries stored for the first time (after their transaction committed). */
public interface TimelineObserver {

  void appended(List<TimelineEntry> entries);
}
