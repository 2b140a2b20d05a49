/** Operators' commands against a running cluster: installing templates and dashboards. */
package org.pingzhi.admin;
