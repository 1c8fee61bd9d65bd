package dev.muster.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code muster.demo.directory.*}: the in-process directory the demo organization syncs from.
 *
 * @param ldif the seed, a Spring resource location (default the repository's {@code samples/directory.ldif},
 *             packaged on the classpath)
 * @param port the local port, {@code 0} for any free one
 * @param schedule the demo's sync schedule: every minute, so a newcomer sees a sync soon after starting
 */
@ConfigurationProperties("muster.demo.directory")
record DemoDirectoryProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("classpath:samples/directory.ldif") String ldif,
                               @DefaultValue("0") int port,
                               @DefaultValue("0 * * * * ?") String schedule) {
}
