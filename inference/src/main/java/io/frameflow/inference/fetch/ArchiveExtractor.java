package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Takes named files out of a tar or zip stream without unpacking anything else, so that a package's
 * other contents (scripts, links, device files) never touch the disk.
 */
final class ArchiveExtractor {
    private ArchiveExtractor() {}

    /**
     * Extracts {@code files} from an uncompressed tar stream into {@code destDir}. Reads the stream
     * to its end.
     *
     * @param what names the archive in errors, e.g. {@code npm package is-number@7.0.0}
     * @return each extracted file by its {@link AssetFile#fileName()}
     * @throws FetchException if an entry is missing or is not a regular file
     */
    static Map<String, Path> extract(
            InputStream tar, List<AssetFile> files, Path destDir, String what) throws IOException {
        Map<String, AssetFile> wanted = new HashMap<>();
        for (AssetFile file : files) {
            wanted.put(file.archivePath(), file);
        }
        Map<String, Path> extracted = new LinkedHashMap<>();
        List<String> entryNames = new ArrayList<>();
        TarArchiveInputStream in = new TarArchiveInputStream(tar);
        for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
            String name = AssetFile.normalize(entry.getName());
            entryNames.add(name);
            AssetFile file = wanted.get(name);
            if (file == null) {
                continue;
            }
            if (!entry.isFile()) {
                throw new FetchException(
                        what + ": '" + name + "' is not a regular file" + linkNote(entry));
            }
            Path target = destDir.resolve(file.fileName());
            Files.copy(in, target);
            extracted.put(file.fileName(), target);
        }
        for (AssetFile file : files) {
            if (!extracted.containsKey(file.fileName())) {
                throw new FetchException(missing(what, file, entryNames));
            }
        }
        return extracted;
    }

    /**
     * Extracts {@code files} from a zip stream (a jar) into {@code destDir}, like {@link #extract}
     * does for tar. Directory entries are never extracted.
     */
    static Map<String, Path> extractZip(
            InputStream zip, List<AssetFile> files, Path destDir, String what) throws IOException {
        Map<String, AssetFile> wanted = new HashMap<>();
        for (AssetFile file : files) {
            wanted.put(file.archivePath(), file);
        }
        Map<String, Path> extracted = new LinkedHashMap<>();
        List<String> entryNames = new ArrayList<>();
        ZipInputStream in = new ZipInputStream(zip);
        for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
            String name = AssetFile.normalize(entry.getName());
            entryNames.add(name);
            AssetFile file = wanted.get(name);
            if (file == null) {
                continue;
            }
            if (entry.isDirectory()) {
                throw new FetchException(what + ": '" + name + "' is a directory, not a file");
            }
            Path target = destDir.resolve(file.fileName());
            Files.copy(in, target);
            extracted.put(file.fileName(), target);
        }
        for (AssetFile file : files) {
            if (!extracted.containsKey(file.fileName())) {
                throw new FetchException(missing(what, file, entryNames));
            }
        }
        return extracted;
    }

    private static String linkNote(TarArchiveEntry entry) {
        return entry.isSymbolicLink() || entry.isLink()
                ? " but a link to '" + entry.getLinkName() + "': name the target instead"
                : "";
    }

    private static String missing(String what, AssetFile file, List<String> entryNames) {
        String base = file.archivePath().substring(file.archivePath().lastIndexOf('/') + 1);
        List<String> sameName =
                entryNames.stream().filter(n -> n.equals(base) || n.endsWith("/" + base)).toList();
        return what
                + " has no entry '"
                + file.archivePath()
                + "' ("
                + entryNames.size()
                + " entries"
                + (sameName.isEmpty() ? "" : "; entries with that file name: " + sameName)
                + ")";
    }
}
