/**
 * Small utilities shared by every layer: the injectable clock ({@link io.runnel.common.utils.Time},
 * {@link io.runnel.common.utils.MockTime}), deadlines ({@link io.runnel.common.utils.Timer}) and
 * {@link io.runnel.common.utils.Bytes} keys.
 */
package io.runnel.common.utils;
