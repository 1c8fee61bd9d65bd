/**
 * Reading a member's provenance: where each of its group memberships and collection grants came from. Shared by
 * the JSON API and the admin pages.
 */
package dev.muster.members;
