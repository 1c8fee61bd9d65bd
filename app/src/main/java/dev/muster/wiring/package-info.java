/** Assembles the framework-free core into Spring beans: the onboarding service, administration and clocks. */
package dev.muster.wiring;
