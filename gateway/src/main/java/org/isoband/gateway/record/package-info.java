/** {@code isoband record}: what a sensor delivers, written as a recording; giving up on a sensor that never comes. */
package org.isoband.gateway.record;
