/**
 * The output documents of the contract ("Outputs") as typed values, with their deterministic ids:
 * what the command-center job writes to Elasticsearch, the alerts topic and replay files, and what
 * a second job (alert dispatch) reads back. Each renders itself to JSON in one place ({@code
 * render}) and has an exact fingerprint of what it renders ({@code fingerprint}), so a producer can
 * tell a changed document from an unchanged one without rendering it.
 */
package org.pingzhi.common.output;
