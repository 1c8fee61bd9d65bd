package dev.muster.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the benchmarks against a freshly started Muster per database.
 *
 * <pre>
 * java -jar bench/target/muster-bench-0.1.0-SNAPSHOT.jar --n=10000 --db=h2,postgres --paths=csv,ldap,scim
 * </pre>
 * Options: {@code --n} people (default 10000), {@code --groups} LDAP groups (default 200), {@code --pages} SCIM list
 * pages per list phase (default 300), {@code --db},
 * {@code --paths}, {@code --app-jar} (default app/target/muster-app-0.1.0-SNAPSHOT.jar), {@code --postgres}
 * (default 127.0.0.1:5432), {@code --work} (default bench/target/runs), {@code --jvm} options for Muster
 * (default {@code -Xmx512m}, the heap the targets allow; separated by spaces), {@code --app-args} extra Spring
 * Boot arguments for Muster.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int n = Integer.parseInt(options.getOrDefault("n", "10000"));
        int groups = Integer.parseInt(options.getOrDefault("groups", "200"));
        int pages = Integer.parseInt(options.getOrDefault("pages", "300"));
        List<String> databases = List.of(options.getOrDefault("db", "h2,postgres").split(","));
        List<String> paths = List.of(options.getOrDefault("paths", "csv,ldap,scim").split(","));
        Path appJar = Path.of(options.getOrDefault("app-jar", "app/target/muster-app-0.1.0-SNAPSHOT.jar"));
        String postgres = options.getOrDefault("postgres", "127.0.0.1:5432");
        List<String> jvm = List.of(options.getOrDefault("jvm", "-Xmx512m").trim().split("\\s+"));
        List<String> appArgs = options.containsKey("app-args")
                ? List.of(options.get("app-args").trim().split("\\s+")) : List.of();
        Path runs = Path.of(options.getOrDefault("work", "bench/target/runs"));
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalArgumentException("no app jar at " + appJar + ": build with "
                    + "./mvnw -Pbench -pl bench -am package -DskipTests");
        }
        String stamp = Instant.now().toString().replace(":", "").replace(".", "");
        for (String db : databases) {
            runOne(db, n, groups, pages, paths, appJar, postgres, jvm, appArgs, runs.resolve(stamp + "-" + db + "-" + n));
        }
    }

    private static void runOne(String db, int n, int groups, int pages, List<String> paths, Path appJar,
                               String postgres, List<String> jvm, List<String> appArgs, Path work) throws Exception {
        Files.createDirectories(work);
        String token = "bench-" + UUID.randomUUID();
        try (Database database = Database.of(db, postgres);
             MusterProcess muster = MusterProcess.start(appJar, database, work, token, jvm, appArgs)) {
            var results = new Results(database.label() + ", N = " + String.format("%,d", n) + ", Muster "
                    + String.join(" ", jvm) + (appArgs.isEmpty() ? "" : " " + String.join(" ", appArgs)) + " (" + Instant.now() + ")");
            var api = new Api(muster.base(), token);
            if (paths.contains("csv")) {
                new CsvBench(api, muster, results).run(n, work);
            }
            if (paths.contains("ldap")) {
                new LdapBench(api, muster, results).run(n, groups, work);
            }
            if (paths.contains("scim")) {
                new ScimBench(api, muster, results).run(n, pages, work);
            }
            results.write(work.resolve("results.md"));
        }
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg + "; given "
                        + Arrays.toString(args));
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
