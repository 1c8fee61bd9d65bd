/** The admin token: how the API and pages know the caller may administer this installation. */
package dev.muster.security;
