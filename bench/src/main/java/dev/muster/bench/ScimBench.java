package dev.muster.bench;

import java.nio.file.Path;

/** SCIM path: filled in once the SCIM endpoints are on main. */
final class ScimBench {
    private final Api api;
    private final MusterProcess muster;
    private final Results results;

    ScimBench(Api api, MusterProcess muster, Results results) {
        this.api = api;
        this.muster = muster;
        this.results = results;
    }

    void run(int n, Path work) {
        results.row("SCIM", n, "not measured", "", "", "", "SCIM is not on this branch yet");
    }
}
