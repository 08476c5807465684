/** Diagnosis dispatcher: Terminal API diagnosis calls at fleet scale. */
package io.fleetdiag.dispatcher;
