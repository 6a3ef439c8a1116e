package com.example.fulfillment.app.events.deadletters;

import java.util.List;

/** Port: the inbound dead letters of the event transport, for operators. */
public interface DeadLetters {

  /** The transport's name ({@code log} has no dead letters). */
  String transport();

  /** The queue holding them (null if the transport has none). */
  String queue();

  /** Where a re-driven dead letter goes (null if the transport has none). */
  String inboundQueue();

  /** Up to {@code limit} dead letters, oldest first; they stay where they are. */
  List<DeadLetter> list(int limit);

  /**
   * Sends one dead letter back to the inbound queue as if it were new.
   *
   * @return false if there is no dead letter with that id
   */
  boolean redrive(String id);

  /** Sends every dead letter there is now back to the inbound queue; returns how many. */
  int redriveAll();

  /** No transport, no dead letters ({@code fulfillment.events.transport=log}). */
  DeadLetters NONE =
      new DeadLetters() {
        @Override
        public String transport() {
          return "log";
        }

        @Override
        public String queue() {
          return null;
        }

        @Override
        public String inboundQueue() {
          return null;
        }

        @Override
        public List<DeadLetter> list(final int limit) {
          return List.of();
        }

        @Override
        public boolean redrive(final String id) {
          return false;
        }

        @Override
        public int redriveAll() {
          return 0;
        }
      };
}
