package dev.muster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Muster: one onboarding service fed by SCIM, directory sync and CSV invitations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MusterApplication {
    public static void main(String[] args) {
        SpringApplication.run(MusterApplication.class, args);
    }
}
