/**
 * Client deployment files generated from an organization's validated server URL: browser policies that force-install
 * the extension and hand it the server URL through managed storage, for Chrome, Edge, Firefox, Windows and macOS.
 */
package dev.muster.clients;
