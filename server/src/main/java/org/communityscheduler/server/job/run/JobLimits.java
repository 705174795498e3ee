package org.communityscheduler.server.job.run;

import java.time.Duration;

/**
 * What the job store takes on and keeps (the server's settings say it: README, "The HTTP API").
 *
 * @param parallelSolvers solves that run at once on this server; later ones wait in order
 * @param maxOpenJobs jobs waiting or solving at once (on every replica together); more are refused
 * @param keepFinished finished jobs kept (the newest); older ones are deleted, running ones never
 * @param keepFinishedFor how long a finished job is kept
 */
public record JobLimits(int parallelSolvers, int maxOpenJobs, int keepFinished, Duration keepFinishedFor) {
}
