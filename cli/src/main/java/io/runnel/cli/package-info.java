/**
 * The runnel command line. Arrives with the clients issue.
 */
package io.runnel.cli;
