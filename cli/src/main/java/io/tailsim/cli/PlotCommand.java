package io.tailsim.cli;

import io.tailsim.plots.Report;
import io.tailsim.plots.ResultFolderException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** tailsim plot: figures and index.html from result files, without re-running anything. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw the figures (PNG and SVG) and an offline index.html from result files; nothing is re-run.",
                "One RESULT_DIR (a 'run' or 'sweep' folder): its report, written into it or into --out.",
                "Several: a side-by-side comparison written into --out; name each run as LABEL=DIR (default label: the folder's name)."})
public final class PlotCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RESULT_DIR", description = "Result folder(s) of 'tailsim run' or 'tailsim sweep'.")
    List<String> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write index.html and figures/ (default: the result folder; required to compare several).")
    Path out;

    @Override
    public Integer call() {
        Report.Written written;
        try {
            if (dirs.size() == 1) {
                Path dir = existingFolder(dirs.get(0));
                written = Report.write(dir, out != null ? out : dir);
            } else {
                if (out == null) {
                    throw new UserInputException("comparing " + dirs.size() + " result folders needs --out DIR");
                }
                Map<String, Path> runs = new LinkedHashMap<>();
                for (String arg : dirs) {
                    int eq = arg.indexOf('=');
                    String path = eq > 0 && !Files.isDirectory(Path.of(arg)) ? arg.substring(eq + 1) : arg;
                    Path dir = existingFolder(path);
                    String label = path.equals(arg) ? dir.toAbsolutePath().normalize().getFileName().toString() : arg.substring(0, eq);
                    if (runs.put(label, dir) != null) {
                        throw new UserInputException("two runs labelled '" + label + "'; name them as LABEL=DIR");
                    }
                }
                written = Report.writeComparison(out, runs);
            }
        } catch (ResultFolderException e) {
            throw new UserInputException(e.getMessage());
        }
        written.notes().forEach(n -> System.out.println("note: " + n));
        System.out.println(written.figures().size() / 2 + " figure(s), PNG and SVG, in " + written.index().getParent().resolve("figures"));
        System.out.println("report: " + written.index());
        return 0;
    }

    private static Path existingFolder(String arg) {
        Path p = Path.of(arg);
        if (!Files.isDirectory(p)) {
            throw new UserInputException(arg + ": no such folder");
        }
        return p;
    }
}
