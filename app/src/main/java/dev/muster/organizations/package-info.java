/**
 * Creating an organization with its first confirmed owner: the one way both the JSON API and the admin pages do it.
 */
package dev.muster.organizations;
