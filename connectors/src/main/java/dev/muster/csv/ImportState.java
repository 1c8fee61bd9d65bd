package dev.muster.csv;

/**
 * Where an import is. {@code RUNNING} imports are resumed when the application starts; {@code FAILED} ones lost
 * their stored file.
 */
public enum ImportState { RUNNING, PLANNED, SUCCEEDED, COMPLETED_WITH_ERRORS, REFUSED, FAILED }
