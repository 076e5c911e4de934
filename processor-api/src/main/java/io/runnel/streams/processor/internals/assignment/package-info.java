/**
 * The Streams assignor's pure parts: the user data members exchange through the group protocol
 * ({@link io.runnel.streams.processor.internals.assignment.SubscriptionInfo},
 * {@link io.runnel.streams.processor.internals.assignment.AssignmentInfo}) and the task placement algorithm
 * ({@link io.runnel.streams.processor.internals.assignment.TaskAssignor}), kept free of clients so they are tested
 * alone.
 */
package io.runnel.streams.processor.internals.assignment;
