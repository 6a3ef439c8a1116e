package com.example.fulfillment.app.process.model;

import com.example.fulfillment.testing.JobStubs;
import com.example.fulfillment.testing.ProcessEngineExtension;
import com.example.fulfillment.testing.ProcessRecords;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared setup of the order model's tests: the development engine with the models deployed (one
 * per test class), stubbed workers, the record stream and a driver that walks an order along.
 */
abstract class OrderModelTest {

  @RegisterExtension static final ProcessEngineExtension engine = new ProcessEngineExtension();

  final JobStubs jobs = engine.jobs();
  final ProcessRecords records = engine.records();
  final OrderDriver driver = new OrderDriver(engine);
}
