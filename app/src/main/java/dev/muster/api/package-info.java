/**
 * The admin JSON API under {@code /api}: organizations, members, groups, collections, policies, audit events
 * and run history. Errors are {@code application/problem+json} naming the field or rule at fault.
 */
package dev.muster.api;
