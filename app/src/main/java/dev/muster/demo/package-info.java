/** The demo organization created on first start of the embedded defaults, so each path can be tried at once. */
package dev.muster.demo;
