/**
 * Runnable example applications. Arrive with the demo issue.
 */
package io.runnel.samples;
