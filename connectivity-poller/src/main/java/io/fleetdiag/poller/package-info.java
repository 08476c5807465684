/** Connectivity poller: live-terminal snapshots and check scheduling. */
package io.fleetdiag.poller;
