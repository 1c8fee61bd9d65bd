package dev.muster.csv;

/**
 * Watches an import chunk by chunk: progress for logs and pages. It sees each chunk after its rows are applied
 * and before their outcomes and the progress are committed, so a fault thrown here leaves the chunk to be applied
 * again on resume, exactly like a process that dies at that moment (which is how tests simulate a crash).
 */
public interface ImportObserver {
    ImportObserver NONE = (csvImport, rowsDone) -> { };

    void chunkApplied(CsvImport csvImport, int rowsDone);
}
