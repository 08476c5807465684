/** Adyen's cloud Terminal API with a synthetic fleet; built by the "Terminal API client and fleet simulator" issue. */
package io.fleetdiag.simulator;
