/**
 * Camel routes: one RouteBuilder per onboarding path, each consuming its source, mapping at the edge into
 * onboarding commands and handing them to the one onboarding service; shared error handling lives here.
 */
package dev.muster.routes;
