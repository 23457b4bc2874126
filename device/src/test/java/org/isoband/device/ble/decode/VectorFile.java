package org.isoband.device.ble.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;

/**
 * One file of firmware-notes/vectors/, the byte vectors the firmware's C codec writes and checks. The directory is
 * found relative to the device module (Maven runs tests there), or given by -Disoband.vectors.dir.
 */
record VectorFile(Path path, String format, List<Vector> vectors) {

    static final Path DIRECTORY = Path.of(System.getProperty("isoband.vectors.dir",
            Path.of("..", "firmware-notes", "vectors").toString()));

    /** One vector: its bytes and either the fields they decode to or the error a decoder must report. */
    record Vector(String file, String name, byte[] bytes, JsonNode decoded, JsonNode error) {

        boolean valid() {
            return error == null;
        }

        /** Checks that decoding fails with this vector's reason and byte offset. */
        void assertRejectedBy(ThrowingCallable decode) {
            MalformedFrameException thrown = catchThrowableOfType(decode, MalformedFrameException.class);
            assertThat(thrown).as("%s: %s should be rejected", file, name).isNotNull();
            assertThat(thrown.problem().vectorName()).as("%s: %s problem (%s)", file, name, thrown.getMessage())
                    .isEqualTo(error.path("reason").asText());
            assertThat(thrown.offset()).as("%s: %s offset (%s)", file, name, thrown.getMessage())
                    .isEqualTo(error.path("offset").asInt());
            assertThat(thrown.getMessage()).contains("offset " + thrown.offset());
        }
    }

    interface VectorCheck {
        void check(Vector vector) throws Exception;
    }

    static List<VectorFile> all() {
        assertThat(DIRECTORY).as("test vectors directory (firmware-notes/vectors, written by "
                + "'make -C firmware-notes vectors'); run the tests from the device module inside the repository "
                + "or pass -Disoband.vectors.dir").isDirectory();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(VectorFile::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<VectorFile> ofFormat(String format) {
        List<VectorFile> files = all().stream().filter(f -> f.format().equals(format)).toList();
        assertThat(files).as("vector files of format %s in %s", format, DIRECTORY.toAbsolutePath()).isNotEmpty();
        return files;
    }

    /** One dynamic test per vector of the format, named after file and vector. */
    static Stream<DynamicTest> tests(String format, VectorCheck check) {
        return ofFormat(format).stream().flatMap(file -> file.vectors().stream())
                .map(v -> DynamicTest.dynamicTest(v.file() + ": " + v.name(), () -> check.check(v)));
    }

    private static VectorFile read(Path path) {
        try {
            JsonNode root = new ObjectMapper().readTree(path.toFile());
            String file = path.getFileName().toString();
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode v : root.path("vectors")) {
                vectors.add(new Vector(file, v.path("name").asText(), HexFormat.of().parseHex(v.path("hex").asText()),
                        v.get("decoded"), v.get("error")));
            }
            return new VectorFile(path, root.path("format").asText(), vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test vectors " + path, e);
        }
    }
}
