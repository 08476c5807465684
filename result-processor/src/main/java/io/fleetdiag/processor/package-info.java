/** Result processor: state tables and alert streams on Kafka Streams. */
package io.fleetdiag.processor;
