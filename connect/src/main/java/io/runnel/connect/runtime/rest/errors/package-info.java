/** Exceptions that carry the HTTP status the REST API answers with. */
package io.runnel.connect.runtime.rest.errors;
