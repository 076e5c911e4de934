/** Interfaces shared by every kind of Connect plugin. */
package io.runnel.connect.components;
