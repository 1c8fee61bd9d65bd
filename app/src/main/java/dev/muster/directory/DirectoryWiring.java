package dev.muster.directory;

import dev.muster.ldap.DirectorySync;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.Store;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Clock;

/** The directory sync service over the JDBC directory store, with the installation's retry settings. */
@Configuration(proxyBeanMethods = false)
class DirectoryWiring {

    @Bean
    JdbcDirectories directories(JdbcClient jdbc, DirectoryProperties properties, Clock clock,
                                @Value("${muster.data-dir}") Path dataDir) {
        Path keyFile = properties.keyFile() != null ? properties.keyFile() : dataDir.resolve("directory-secret.key");
        return new JdbcDirectories(jdbc, DirectorySecrets.from(properties.secretKey(), keyFile), clock);
    }

    @Bean
    DirectorySync directorySync(Store store, Onboarding onboarding, JdbcDirectories directories,
                                DirectoryProperties properties, Clock clock) {
        return new DirectorySync(store, onboarding, directories,
                new DirectorySync.ReadRetry(properties.readAttempts(), properties.retryBackoff()), clock);
    }
}
