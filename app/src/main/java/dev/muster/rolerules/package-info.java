/**
 * Role-assignment rule sets per organization: reading YAML or JSON documents into the core's rules, keeping
 * every saved version, previewing what a candidate would change, and re-evaluating members when one is saved.
 */
package dev.muster.rolerules;
