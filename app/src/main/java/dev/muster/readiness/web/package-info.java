/**
 * The readiness API: the report of steps 1 to 5, marking and purging test data, the clients' server URL and
 * the problem details for refusals of the license, the purge and the readiness gate.
 */
package dev.muster.readiness.web;
