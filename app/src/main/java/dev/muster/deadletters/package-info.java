/** Storage of route messages that exhausted their redeliveries, with the reason they failed. */
package dev.muster.deadletters;
