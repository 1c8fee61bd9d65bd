package dev.muster.routes;

import dev.muster.csv.CsvLimits;
import dev.muster.csv.CsvSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code muster.csv.*}: CSV invitations, by upload and by drop folder. The {@code onboarding-csv} route reads its
 * endpoint options from these keys as placeholders.
 *
 * @param dropDirectory holds one folder per organization, named by its id; a file put there is imported
 * @param dropEnabled whether the drop-folder route starts
 * @param pollDelay how often the drop folder is looked at
 * @param readLockInterval how long a file must stay unchanged before it is read (it may still be being copied)
 * @param workDirectory where uploaded files are kept until their import is finished
 * @param maxRows the most data rows a file may have
 * @param maxBytes the largest file accepted
 * @param chunkSize rows applied and committed together (a resume after a crash repeats at most one chunk)
 * @param reportRows rows listed in a report; the run history has every row
 */
@Validated
@ConfigurationProperties("muster.csv")
public record CsvProperties(@NotNull Path dropDirectory, @DefaultValue("true") boolean dropEnabled,
                            @NotNull @DefaultValue("2s") Duration pollDelay,
                            @NotNull @DefaultValue("1s") Duration readLockInterval,
                            @NotNull Path workDirectory,
                            @DefaultValue("100000") @Min(1) int maxRows,
                            @NotNull @DefaultValue("20MB") DataSize maxBytes,
                            @DefaultValue("500") @Min(1) int chunkSize,
                            @DefaultValue("1000") @Min(0) int reportRows) {

    public CsvSettings settings() {
        return new CsvSettings(new CsvLimits(maxRows, maxBytes.toBytes()), chunkSize, reportRows, workDirectory);
    }
}
