package dev.muster.routes;

import dev.muster.ldap.Directories;
import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.organization.OrganizationId;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Quartz cron route per organization with an enabled directory configuration ({@code directory-schedule-<org>}),
 * each sending a sync to {@link DirectorySyncRoute}. Schedules are created at start and replaced when a
 * configuration changes.
 */
@Component
public class DirectorySchedules {
    private static final Logger log = LoggerFactory.getLogger(DirectorySchedules.class);

    private final CamelContext camel;
    private final Directories directories;
    private final boolean enabled;

    public DirectorySchedules(CamelContext camel, Directories directories,
                              @Value("${muster.directory.scheduling:true}") boolean enabled) {
        this.camel = camel;
        this.directories = directories;
        this.enabled = enabled;
    }

    /** Refuses a cron expression Quartz cannot run, naming it. */
    public static void requireValidCron(String cron) {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("schedule is not a valid Quartz cron expression: " + cron
                    + " (e.g. \"0 0/15 * * * ?\" for every 15 minutes)");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleConfigured() {
        directories.configured().forEach(org -> directories.configuration(org).ifPresent(c -> apply(org, c)));
    }

    /** Replaces the organization's schedule with the configuration's (none when disabled). */
    public synchronized void apply(OrganizationId organization, DirectoryConfiguration configuration) {
        String routeId = routeId(organization);
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
            if (!enabled || !configuration.enabled()) {
                return;
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("quartz://muster-directory/" + organization + "?cron="
                            + configuration.schedule().replace(' ', '+'))
                            .routeId(routeId).routeConfigurationId("shared-error-handling")
                            .setHeader(DirectorySyncRoute.ORGANIZATION, constant(organization))
                            .setHeader(DirectorySyncRoute.DRY_RUN, constant(false))
                            .setHeader(DirectorySyncRoute.FULL, constant(false))
                            .setHeader(DirectorySyncRoute.TRIGGER, constant("schedule " + configuration.schedule()))
                            .to(DirectorySyncRoute.ENDPOINT);
                }
            });
            log.info("directory sync of organization {} scheduled: {}", organization, configuration.schedule());
        } catch (Exception e) {
            throw new IllegalStateException("cannot schedule the directory sync of organization " + organization, e);
        }
    }

    static String routeId(OrganizationId organization) {
        return "directory-schedule-" + organization;
    }
}
