/**
 * The dashboard's web side on Javalin: the static page (plain HTML, CSS and JavaScript, Chart.js from its WebJar,
 * no build step), the JSON API documented in docs/dashboard.md, the CSV export, and the live push of states,
 * force and reps over server-sent events ({@link org.isoband.dashboard.web.LiveBroadcast}). Safe by default: it
 * listens on 127.0.0.1 unless told otherwise, an optional access token guards the API and the event stream
 * ({@link org.isoband.dashboard.web.AccessToken}), and the page writes every name it shows with
 * {@code textContent}, never as HTML.
 */
package org.isoband.dashboard.web;
