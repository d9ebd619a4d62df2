package org.gridtwin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridtwin.model.InvalidInputException;

/** The folder a command writes into, made and proved writable before anything runs. */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * Creates the folder if needed and writes a probe file into it; a folder that cannot be made or written is the
     * user's input (a path in /proc, a read-only mount, a file in the way), not an internal error.
     */
    static Path prepare(Path folder, String option) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".gridtwin-", ".probe");
            Files.delete(probe);
            return folder;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw InvalidInputException.of("command line", option, folder.toString(), "cannot be written ("
                    + why.replace(folder.toString() + ": ", "") + "); give a folder you may write to");
        }
    }
}
