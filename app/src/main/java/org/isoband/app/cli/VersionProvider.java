package org.isoband.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the build's version), or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = IsobandCommand.class.getPackage().getImplementationVersion();
        return new String[] {"isoband " + (version != null ? version : "development")};
    }
}
