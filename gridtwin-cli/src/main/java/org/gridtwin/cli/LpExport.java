package org.gridtwin.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.dispatch.lp.MpsWriter;
import org.gridtwin.dispatch.lp.SiteLp;
import org.gridtwin.sim.LpInputsFactory;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;

/** Writes the whole-run dispatch LP of every site of a run as free MPS, for solving or checking elsewhere. */
final class LpExport {
    private LpExport() {
    }

    static List<Path> write(SimulationResult result, Path target) throws IOException {
        String name = target.getFileName().toString();
        String stem = name.endsWith(".mps") ? name.substring(0, name.length() - 4) : name;
        List<Path> written = new ArrayList<>();
        for (SiteResult s : result.sites()) {
            Path file = result.sites().size() == 1 ? target
                    : target.resolveSibling(stem + "-" + s.siteId() + ".mps");
            if (file.getParent() != null) {
                OutputFolder.prepare(file.getParent(), "--export-lp");
            }
            SiteLp lp = SiteLp.build(LpInputsFactory.of(s.inputs()));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                MpsWriter.write(lp.model(), s.siteId(), w);
            }
            written.add(file);
        }
        return written;
    }
}
