package dev.muster.wiring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves {@code muster.data-dir} (default {@code ./data}) to an absolute path before the datasource reads it:
 * H2 refuses file paths that are only implicitly relative, and an operator should not have to know that.
 */
class DataDirectory implements EnvironmentPostProcessor {
    static final String PROPERTY = "muster.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("muster-data-dir",
                Map.of(PROPERTY, absolute)));
    }
}
