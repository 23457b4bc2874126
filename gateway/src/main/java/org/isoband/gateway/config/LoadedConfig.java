package org.isoband.gateway.config;

import java.util.List;

/**
 * A configuration that loaded, with what in it works but is probably not what the user wants (a dashboard
 * open to the network without a token, a storage folder this user cannot write): each warning has its file,
 * line and key like a problem, and is printed, never refused.
 */
public record LoadedConfig(GatewayConfig config, List<ConfigProblem> warnings) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
