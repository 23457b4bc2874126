/** The {@code isoband} command line (picocli): one class per subcommand, and how user errors are reported. */
package org.isoband.app.cli;
