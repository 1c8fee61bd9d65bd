/**
 * The SCIM 2.0 connector: maps SCIM requests (RFC 7643/7644) from identity providers into onboarding commands and
 * renders members and groups as SCIM resources. The UnboundID SCIM2 SDK types (filter parser and evaluator, patch
 * requests, SCIM exceptions) stay inside this package; what leaves it are plain records and strings.
 */
package dev.muster.scim;
