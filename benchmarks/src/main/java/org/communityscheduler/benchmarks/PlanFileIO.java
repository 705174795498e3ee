package org.communityscheduler.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import ai.timefold.solver.persistence.common.api.domain.solution.SolutionFileIO;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.model.WeeklySchedule;

/**
 * Lets the Benchmarker read weekly plans (docs/plan-format.md §2) as any user would hand them in: the
 * plan JSON is read and built into the planning model before each run, outside the solving time.
 */
public final class PlanFileIO implements SolutionFileIO<WeeklySchedule> {

    @Override
    public String getInputFileExtension() {
        return "json";
    }

    @Override
    public WeeklySchedule read(File planFile) {
        try {
            return PlanIntake.read(Files.readAllBytes(planFile.toPath()), PlanLimits.NONE).model();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the plan " + planFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(WeeklySchedule schedule, File file) {
        throw new UnsupportedOperationException("The benchmark writes no solutions");
    }
}
