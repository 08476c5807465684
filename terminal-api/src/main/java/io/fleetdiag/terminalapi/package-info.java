/** Client for Adyen's cloud Terminal API; built by the "Terminal API client and fleet simulator" issue. */
package io.fleetdiag.terminalapi;
