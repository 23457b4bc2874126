/** {@code isoband doctor}: checks the machine for what the configuration needs and says how to fix it. */
package org.isoband.gateway.doctor;
