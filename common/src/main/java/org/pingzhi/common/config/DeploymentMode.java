package org.pingzhi.common.config;

/**
 * Where Pingzhi runs. Development may fall back to documented defaults (and says so in the log);
 * production refuses to start without the settings that protect people's data.
 */
public enum DeploymentMode {
    DEV,
    PRODUCTION
}
