package dev.muster.readiness;

/** The state of one readiness item. */
public enum ReadinessStatus { PASS, WARN, FAIL }
