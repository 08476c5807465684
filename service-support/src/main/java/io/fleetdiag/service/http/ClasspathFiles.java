package io.fleetdiag.service.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Static files from a folder of the class path ({@code index.html} for the folder itself). A path with
 * a {@code ..} or an empty segment, a backslash or a character outside a plain file name is not found,
 * so nothing outside the folder can be reached.
 */
public final class ClasspathFiles {

    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*([A-Za-z0-9_-][A-Za-z0-9._-]*)?");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "json", "application/json", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8");

    /** A file found: its bytes and content type. */
    public record File(String contentType, byte[] bytes) {
    }

    private final String folder;
    private final ClassLoader loader;

    /** @param folder the resource folder, e.g. {@code dashboard} */
    public ClasspathFiles(String folder, ClassLoader loader) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
        this.loader = loader;
    }

    /** The file at {@code relative} (the request path after the route's prefix), if there is one. */
    public Optional<File> find(String relative) throws IOException {
        String path = relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(folder + path)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return Optional.of(new File(CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"), in.readAllBytes()));
        }
    }
}
