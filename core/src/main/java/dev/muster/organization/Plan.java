package dev.muster.organization;

/** The organization's plan: a trial is upgraded to production before bulk onboarding. */
public enum Plan { TRIAL, PRODUCTION }
