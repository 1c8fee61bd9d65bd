/**
 * The admin web pages under {@code /admin}: server-rendered with Thymeleaf over the same ports and services as the
 * JSON API, signed in with the admin token (a session cookie) and protected by a synchronizer CSRF token.
 * See {@code docs/web.md} for how to add a page.
 */
package dev.muster.web;
