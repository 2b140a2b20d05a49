/**
 * The alert-dispatch job: pages the duty officers with the command center's alerts, read through
 * the contracts in {@code common}, never through the command-center job's classes.
 */
package org.pingzhi.dispatch;
